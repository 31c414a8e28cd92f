import Foundation
import Markdown
import Testing
@testable import Terminal

/// Markdown in, plain and ANSI text out: every `Golden/<name>.md` is rendered plain at 80 and 40
/// columns and with colour at 80, and compared with `<name>.<width>.<plain|ansi>.txt`.
///
/// `KUBEDRILL_UPDATE_GOLDEN=1 swift test --filter GoldenRenderingTests` rewrites the expectations
/// in the source tree; read the diff by eye before committing: those files are the spec.
/// In these documents a wiki link to a note whose name starts with "Missing" is broken.
@Suite("Golden renderings")
struct GoldenRenderingTests {
    static let renderings: [(suffix: String, color: Bool, width: Int)] = [
        ("80.plain.txt", false, 80), ("40.plain.txt", false, 40), ("80.ansi.txt", true, 80),
    ]

    static var inputNames: [String] {
        guard let directory = Bundle.module.url(forResource: "Golden", withExtension: nil),
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
        let bundled = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let markdown = try String(contentsOf: bundled.appendingPathComponent(name + ".md"), encoding: .utf8)
        let update = ProcessInfo.processInfo.environment["KUBEDRILL_UPDATE_GOLDEN"] == "1"
        let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for rendering in Self.renderings {
            let actual = Self.render(markdown, color: rendering.color, width: rendering.width)
            let file = "\(name).\(rendering.suffix)"
            if update {
                try actual.write(to: sourceDirectory.appendingPathComponent(file), atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: bundled.appendingPathComponent(file), encoding: .utf8)
            #expect(actual == expected, "\(file) differs: \(Self.firstDifference(actual, expected))")
        }
    }

    @Test("Plain renderings contain no escape sequences and fit their width")
    func plainIsPlain() throws {
        let bundled = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        for name in Self.inputNames {
            let markdown = try String(contentsOf: bundled.appendingPathComponent(name + ".md"), encoding: .utf8)
            for width in [80, 40, 24] {
                let text = Self.render(markdown, color: false, width: width)
                #expect(!text.contains("\u{1B}"), "\(name) at \(width)")
                for line in text.split(separator: "\n") where !name.hasPrefix("narrow") {
                    #expect(TextWidth.of(String(line)) <= width, "\(name) at \(width): \(line)")
                }
            }
        }
    }

    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? a[index] : "<none>", right = index < e.count ? e[index] : "<none>"
            if left != right {
                let show = { (s: String) in s.replacingOccurrences(of: "\u{1B}", with: "\\e") }
                return "line \(index + 1): got \"\(show(left))\", expected \"\(show(right))\""
            }
        }
        return "same lines"
    }
}
