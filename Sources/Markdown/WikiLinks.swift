import Foundation

/// Finds Obsidian-style `[[wiki links]]` in the text nodes cmark produced.
///
/// cmark splits `[[Pods]]` into several text nodes (each bracket may open a link), so adjacent
/// text siblings are merged first; the link syntax is then found inside that literal text only,
/// never in code spans or code blocks.
enum WikiLinks {
    /// One node's children with wiki links found; their own children are already resolved.
    /// Code blocks have no children, so code never reaches here.
    static func resolve(_ children: [MarkdownNode]) -> [MarkdownNode] {
        var previousIsText = false
        var needsWork = false
        for child in children {
            guard case .text(let text) = child.kind else { previousIsText = false; continue }
            if previousIsText || text.utf8.contains(UInt8(ascii: "[")) { needsWork = true; break }
            previousIsText = true
        }
        return needsWork ? split(merge(children)) : children
    }

    private static func merge(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        for node in nodes {
            if case .text(let next) = node.kind, let last = out.last, case .text(let previous) = last.kind {
                out[out.count - 1].kind = .text(previous + next)
                out[out.count - 1].end = node.end
            } else {
                out.append(node)
            }
        }
        return out
    }

    private static func split(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        for node in nodes {
            // A byte scan first: most text has no "[" at all, and Foundation's contains is slow on Linux.
            guard case .text(let text) = node.kind, hasDoubleBracket(text) else {
                out.append(node)
                continue
            }
            var rest = Substring(text)
            var column = node.start.column
            while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
                let before = rest[..<open.lowerBound]
                let inner = rest[open.upperBound..<close.lowerBound]
                if !before.isEmpty {
                    out.append(textNode(String(before), line: node.start.line, column: column))
                    column += before.count
                }
                let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].trimmingCharacters(in: .whitespaces)
                let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
                let width = inner.count + 4
                out.append(MarkdownNode(kind: .wikiLink(target: target, label: label),
                                        start: .init(line: node.start.line, column: column),
                                        end: .init(line: node.start.line, column: column + width - 1)))
                column += width
                rest = rest[close.upperBound...]
            }
            if !rest.isEmpty { out.append(textNode(String(rest), line: node.start.line, column: column)) }
        }
        return out
    }

    /// A byte scan: every callout's `[!card]` reaches here, and Foundation's `contains` is slow on Linux.
    private static func hasDoubleBracket(_ text: String) -> Bool {
        zip(text.utf8, text.utf8.dropFirst()).contains { $0 == UInt8(ascii: "[") && $1 == UInt8(ascii: "[") }
    }

    private static func textNode(_ text: String, line: Int, column: Int) -> MarkdownNode {
        MarkdownNode(kind: .text(text), start: .init(line: line, column: column),
                     end: .init(line: line, column: column + max(text.count - 1, 0)))
    }
}
