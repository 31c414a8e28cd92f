import Testing
@testable import Terminal

@Suite("Styles and display width")
struct StyleTests {
    @Test("A disabled style returns text untouched, so piped output has no escape sequences")
    func disabledStyle() {
        let style = Style(enabled: false)
        #expect(style.bold("x") == "x")
        #expect(style.color("x", .red) == "x")
        #expect(style.highlight("probe") == "probe")
    }

    @Test("An enabled style wraps text in SGR codes and resets after it")
    func enabledStyle() {
        #expect(Style(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }

    @Test("Display width ignores escapes and counts wide characters twice")
    func width() {
        #expect(TextWidth.of("\u{1B}[1mpods\u{1B}[0m") == 4)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.pad("ab", to: 4) == "ab  ")
    }

    @Test("Completion lists share their common prefix and lay out in columns")
    func completionText() {
        #expect(CompletionText.commonPrefix(["deployments", "deploy-x", "deps"]) == "dep")
        #expect(CompletionText.columns(["a", "bb", "ccc"], width: 10) == "a    bb\nccc\n")
    }
}
