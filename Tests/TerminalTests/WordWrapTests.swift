import Testing
@testable import Terminal

@Suite("Word wrapping")
struct WordWrapTests {
    func wrap(_ text: String, _ width: Int) -> [String] {
        WordWrap.wrap([TextSpan(text)], width: width).map(\.plainText)
    }

    @Test("Lines break at spaces and never exceed the width")
    func breaksAtSpaces() {
        #expect(wrap("the quick brown fox jumps over the lazy dog", 10) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test("A word is split only when it alone is wider than the line")
    func splitsOnlyHugeWords() {
        #expect(wrap("a abcdefghij b", 4) == ["a", "abcd", "efgh", "ij b"])
        #expect(wrap("abc def", 3) == ["abc", "def"])
    }

    @Test("Wide characters count two columns")
    func wideCharacters() {
        #expect(wrap("日本語のテキスト", 6) == ["日本語", "のテキ", "スト"])
        #expect(wrap("🚀 go", 3) == ["🚀", "go"])
    }

    @Test("A character wider than the line gets a line of its own instead of looping")
    func widerThanLine() {
        #expect(wrap("日本", 1) == ["日", "本"])
    }

    @Test("Zero and negative widths are treated as one column")
    func zeroWidth() {
        #expect(wrap("ab c", 0) == ["a", "b", "c"])
        #expect(wrap("ab", -5) == ["a", "b"])
    }

    @Test("Hard breaks are kept, and empty input gives one empty line")
    func hardBreaks() {
        #expect(wrap("one\ntwo three", 20) == ["one", "two three"])
        #expect(wrap("", 10) == [""])
    }

    @Test("Spaces at a break are dropped, styles survive across spans")
    func stylesSurvive() {
        let spans = [TextSpan("bold", .bold), TextSpan("plain words here")]
        let lines = WordWrap.wrap(spans, width: 11)
        #expect(lines.map(\.plainText) == ["boldplain", "words here"])
        #expect(lines[0].spans == [TextSpan("bold", .bold), TextSpan("plain")])
    }

    @Test("A non-breaking space keeps `→ Note` together and prints as a space")
    func nonBreakingSpace() {
        let lines = WordWrap.wrap([TextSpan("see →\u{00A0}Pods")], width: 8)
        #expect(lines.map { $0.rendered(color: false) } == ["see", "→ Pods"])
    }
}

@Suite("Styled lines")
struct StyledLineTests {
    @Test("Truncation cuts by display width and ends in an ellipsis")
    func truncation() {
        #expect(StyledLine("kubectl get pods").truncated(to: 8).plainText == "kubectl…")
        #expect(StyledLine("日本語").truncated(to: 4).plainText == "日…")
        #expect(StyledLine("short").truncated(to: 10).plainText == "short")
        #expect(StyledLine("abc").truncated(to: 0).plainText == "")
    }

    @Test("Colour off gives no escapes; colour on merges runs of one look")
    func rendering() {
        let line = StyledLine([TextSpan("a", .bold), TextSpan("b", .bold), TextSpan(" c")])
        #expect(line.rendered(color: false) == "ab c")
        #expect(line.rendered(color: true) == "\u{1B}[1mab\u{1B}[0m c")
    }

    @Test("Trailing spaces are trimmed across spans")
    func trimming() {
        let line = StyledLine([TextSpan("x "), TextSpan("  ", .bold)])
        #expect(line.trimmingTrailingSpaces().plainText == "x")
    }
}
