/// A position in the markdown source: 1-based line and column, as cmark reports them.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// Column alignment of a GFM table.
public enum TableAlignment: Sendable, Equatable { case none, left, center, right }

/// One node of a parsed markdown document: a value copy of cmark-gfm's AST, so the C tree
/// can be freed at once and the result shared freely between threads.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for a plain item, else whether its box is ticked (`- [x]`).
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// An Obsidian-style `[[target]]`, `[[target|label]]` or `[[target#section]]` link.
        case wikiLink(target: String, label: String?)
        /// Anything cmark knows that we do not render specially (footnotes, custom nodes).
        case other(String)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    public var start: SourcePosition
    public var end: SourcePosition

    public init(kind: Kind, children: [MarkdownNode] = [], start: SourcePosition, end: SourcePosition) {
        self.kind = kind
        self.children = children
        self.start = start
        self.end = end
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }

    /// The node's text with all markup removed (code spans and wiki-link labels included).
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        case .codeBlock(_, let literal): out += literal
        case .wikiLink(let target, let label): out += label ?? target
        default: break
        }
        for child in children { child.appendPlainText(to: &out) }
        if isBlock, !out.hasSuffix("\n"), case .paragraph = kind { out += "\n" }
    }

    /// Every node of the subtree, depth first, parents before children.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }
}
