import Foundation
import Testing

/// Expected output kept in `Golden/`: compared as bundled (`Bundle.module`), rewritten in the
/// source tree when `KUBEDRILL_UPDATE_GOLDEN=1`, to be read by eye before committing.
enum GoldenFile {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["KUBEDRILL_UPDATE_GOLDEN"] == "1" }

    static var bundled: URL? { Bundle.module.url(forResource: "Golden", withExtension: nil) }

    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func read(_ name: String) throws -> String {
        let directory = try #require(bundled, "Golden resources missing")
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Checks `actual` against `Golden/<name>` (a path below `Golden/`), or rewrites it.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isUpdating {
            let url = sourceDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try read(name)
        #expect(actual == expected, "\(name) differs: \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
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
