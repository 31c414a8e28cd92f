import CCmarkGFM
import Foundation

/// Parses CommonMark with GitHub's extensions through cmark-gfm.
///
/// The table, tasklist, strikethrough and autolink extensions are attached; `[[wiki links]]`
/// are recognised afterwards in the text nodes cmark leaves them in, so no markdown syntax is
/// parsed by hand.
public enum MarkdownParser {
    /// Parses `text`. `lineOffset` is added to every line number, for documents whose first lines
    /// (front matter) were cut off before parsing.
    public static func parse(_ text: String, lineOffset: Int = 0) -> MarkdownNode {
        let tree = cmarkLock.withLock { parseLocked(text, lineOffset: lineOffset) }
        // Wiki links first: that pass merges the text nodes cmark split at brackets.
        return TaskItems.resolve(in: WikiLinks.resolve(in: tree))
    }

    /// cmark-gfm is not thread-safe with extensions: registration is an unguarded static flag, and
    /// attaching an extension adds its characters (`~` for strikethrough) to process-wide inline
    /// tables that finishing a parser removes again, so a parse on another thread could lose its
    /// strikethrough. Every use of cmark goes through this lock.
    private static let cmarkLock = NSLock()

    private static func parseLocked(_ text: String, lineOffset: Int) -> MarkdownNode {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else {
            return MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        }
        defer { cmark_node_free(root) }
        return convert(root, lineOffset: lineOffset)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func convert(_ node: OpaquePointer, lineOffset: Int) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, lineOffset: lineOffset))
            child = cmark_node_next(current)
        }
        let start = SourcePosition(line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                   column: Int(cmark_node_get_start_column(node)))
        let end = SourcePosition(line: Int(cmark_node_get_end_line(node)) + lineOffset,
                                 column: Int(cmark_node_get_end_column(node)))
        return MarkdownNode(kind: kind(of: node), children: children, start: start, end: end)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = string(cmark_node_get_type_string(node))
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list":
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case "item": return .item(task: nil)
        case "tasklist": return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "code_block":
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case "html_block": return .htmlBlock(string(cmark_node_get_literal(node)))
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)))
        case "thematic_break": return .thematicBreak
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<count {
                    switch UInt8(raw[index]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "text": return .text(string(cmark_node_get_literal(node)))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code(string(cmark_node_get_literal(node)))
        case "html_inline": return .htmlInline(string(cmark_node_get_literal(node)))
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "image": return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .other(type)
        }
    }
}
