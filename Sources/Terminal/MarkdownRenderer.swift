import Markdown

/// How a markdown document is drawn on a terminal.
public struct RenderOptions: Sendable {
    /// ANSI styling on or off (off: plain text for pipes, NO_COLOR and golden tests).
    public var color: Bool
    /// The terminal's columns; paragraphs wrap and tables shrink to fit.
    public var width: Int
    /// Whether a `[[wiki link]]` target names a note; broken ones are drawn differently.
    public var linkExists: @Sendable (String) -> Bool

    public init(color: Bool, width: Int, linkExists: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.color = color
        self.width = width
        self.linkExists = linkExists
    }
}

/// Draws cmark-gfm's AST on a terminal.
public enum MarkdownRenderer {
    public static func render(_ document: MarkdownNode, options: RenderOptions) -> String {
        var out = ""
        for block in document.children {
            out += block.plainText
            out += "\n"
        }
        return out
    }
}
