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
        let empty = MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        guard let root = cmarkLock.withLock({ parseLocked(text) }) else { return empty }
        defer { cmark_node_free(root) }
        // Reading the finished tree touches no shared table, so it runs outside the lock and
        // notes convert on several threads at once.
        return convert(root, lineOffset: lineOffset)
    }

    /// cmark-gfm is not thread-safe with extensions: registration is an unguarded static flag, and
    /// attaching an extension adds its characters (`~` for strikethrough) to process-wide inline
    /// tables that finishing a parser removes again, so a parse on another thread could lose its
    /// strikethrough. Every parse goes through this lock.
    private static let cmarkLock = NSLock()

    private static func parseLocked(_ text: String) -> OpaquePointer? {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        return cmark_parser_finish(parser)
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
        // One pass: wiki links first (that merges the text nodes cmark split at brackets), then
        // the task items cmark missed.
        let converted = MarkdownNode(kind: kind(of: node), children: WikiLinks.resolve(children), start: start, end: end)
        return TaskItems.resolve(converted)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        // Core types by number (no string per node); extension types are registered at run time,
        // so those are told apart by name.
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            // The tasklist extension keeps the item type and only claims the node.
            guard cmark_node_get_syntax_extension(node) != nil else { return .item(task: nil) }
            return extensionKind(of: node)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return extensionKind(of: node)
        }
    }

    private static func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = string(cmark_node_get_type_string(node))
        switch type {
        case "tasklist": return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
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
        case "strikethrough": return .strikethrough
        default: return .other(type)
        }
    }
}
