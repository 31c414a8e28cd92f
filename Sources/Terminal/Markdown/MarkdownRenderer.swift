import Markdown

/// How a markdown document is drawn on a terminal.
public struct RenderOptions: Sendable {
    /// ANSI styling on or off (off: plain text for pipes, NO_COLOR and golden tests).
    public var color: Bool
    /// The terminal's columns; paragraphs wrap and tables shrink to fit.
    public var width: Int
    /// Whether a `[[wiki link]]` target names a note; broken ones are drawn differently.
    /// It is asked about the note part only: `[[Pods#Probes]]` asks about `Pods`.
    public var linkExists: @Sendable (String) -> Bool

    public init(color: Bool, width: Int, linkExists: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.color = color
        self.width = width
        self.linkExists = linkExists
    }
}

/// Draws cmark-gfm's AST on a terminal.
///
/// The document is laid out once, as lines of styled spans fitted to `options.width`; colour is
/// applied only when the lines are turned into text, so the plain and ANSI renderings have the
/// same shape and differ only in escape sequences (and a few textual marks plain text needs, such
/// as backticks around code). What each construct looks like is documented on the renderer that
/// draws it: `BlockRenderer`, `InlineRenderer`, `ListRenderer`, `TableRenderer`,
/// `CodeBlockRenderer`, `CalloutRenderer`.
public enum MarkdownRenderer {
    public static func render(_ document: MarkdownNode, options: RenderOptions) -> String {
        let renderer = BlockRenderer(options: options)
        let blocks = document.kind == .document ? document.children : [document]
        return renderer.lines(for: blocks, width: options.width).rendered(color: options.color)
    }

    /// Renders markdown source; a convenience for callers holding text, not a parsed note.
    public static func render(markdown: String, options: RenderOptions) -> String {
        render(MarkdownParser.parse(markdown), options: options)
    }
}
