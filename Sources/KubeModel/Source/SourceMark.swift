/// A position in a manifest's text: 1-based line and 1-based column (counted in Unicode scalars,
/// as libyaml counts them). Every parsed node keeps one, so every error can say `file:line:col`.
public struct SourceMark: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourceMark(line: 1, column: 1)

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The same position in a text embedded `lineOffset` lines further down (a YAML block in Markdown).
    public func shifted(byLines lineOffset: Int) -> SourceMark {
        SourceMark(line: line + lineOffset, column: column)
    }

    public var description: String { "\(line):\(column)" }
}
