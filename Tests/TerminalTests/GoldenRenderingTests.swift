import Foundation
import Markdown
import Testing
@testable import Terminal

/// Markdown in, plain and ANSI text out: every `Golden/<name>.md` is rendered plain at 80 and 40
/// columns and with colour at 80, and compared with `<name>.<width>.<plain|ansi>.txt`.
///
/// `KUBEDRILL_UPDATE_GOLDEN=1 swift test --filter TerminalTests` rewrites the expectations in
/// the source tree; read the diff by eye before committing: those files are the spec.
/// In these documents a wiki link to a note whose name starts with "Missing" is broken.
@Suite("Golden renderings")
struct GoldenRenderingTests {
    static let renderings: [(suffix: String, color: Bool, width: Int)] = [
        ("80.plain.txt", false, 80), ("40.plain.txt", false, 40), ("80.ansi.txt", true, 80),
    ]

    static var inputNames: [String] {
        guard let directory = GoldenFile.bundled,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".md") && $0 != "README.md" }.map { String($0.dropLast(3)) }.sorted()
    }

    static func render(_ markdown: String, color: Bool, width: Int) -> String {
        let options = RenderOptions(color: color, width: width, linkExists: { !$0.hasPrefix("Missing") })
        return MarkdownRenderer.render(MarkdownParser.parse(markdown), options: options)
    }

    @Test("The golden documents exist")
    func inputsExist() {
        #expect(Self.inputNames.count >= 8)
    }

    @Test("Rendering matches the golden files", arguments: inputNames)
    func matchesGolden(name: String) throws {
        let markdown = try GoldenFile.read(name + ".md")
        for rendering in Self.renderings {
            let actual = Self.render(markdown, color: rendering.color, width: rendering.width)
            try GoldenFile.check(actual, "\(name).\(rendering.suffix)")
        }
    }

    @Test("Plain renderings contain no escape sequences and fit their width, down to 24 columns")
    func plainIsPlain() throws {
        for name in Self.inputNames {
            let markdown = try GoldenFile.read(name + ".md")
            for width in [80, 40, 24] {
                let text = Self.render(markdown, color: false, width: width)
                #expect(!text.contains("\u{1B}"), "\(name) at \(width)")
                for line in text.split(separator: "\n") {
                    #expect(TextWidth.of(String(line)) <= width, "\(name) at \(width): \(line)")
                }
            }
        }
    }

    @Test("Coloured renderings fit the width and close every escape on its own line")
    func ansiHasPlainShape() throws {
        for name in Self.inputNames {
            let markdown = try GoldenFile.read(name + ".md")
            let ansi = Self.render(markdown, color: true, width: 80)
            for line in ansi.split(separator: "\n") {
                #expect(TextWidth.of(String(line)) <= 80, "\(name): \(line)")
                #expect(line.components(separatedBy: "\u{1B}[").count == line.components(separatedBy: "\u{1B}[0m").count * 2 - 1,
                        "every escape in \(name) is closed on its line: \(line)")
            }
        }
    }
}
