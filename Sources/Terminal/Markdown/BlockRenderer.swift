import Markdown

/// Lays out block nodes as styled lines of a given width.
///
/// Blocks are separated by one blank line (none inside tight list items). Containers (quotes,
/// list items, callouts) render their children narrower and prefix the result, so nesting of
/// any depth composes without special cases. Looks:
/// - `# H1` bold, followed by a `═` rule as wide as the title; `## H2` the same with `─`;
///   `### H3` and deeper bold, after `▸ `.
/// - block quotes behind a dim `│ ` gutter; thematic breaks a dim `─` rule across the width;
/// - HTML blocks dim and as written, cut at the width.
struct BlockRenderer {
    var options: RenderOptions
    /// How many lists enclose the block being drawn; picks the bullet.
    var listDepth = 0

    var inline: InlineRenderer { InlineRenderer(options: options) }

    /// Blocks one after another, separated by a blank line unless `tight`.
    func lines(for blocks: [MarkdownNode], width: Int, tight: Bool = false) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let drawn = lines(for: block, width: width)
            if drawn.isEmpty { continue }
            if !out.isEmpty && !tight { out.append(StyledLine()) }
            out += drawn
        }
        return out
    }

    func lines(for block: MarkdownNode, width: Int) -> [StyledLine] {
        let width = max(width, 1)
        switch block.kind {
        case .paragraph:
            return WordWrap.wrap(inline.spans(of: block.children), width: width)
        case .heading(let level):
            return heading(block, level: level, width: width)
        case .thematicBreak:
            return [StyledLine(String(repeating: "─", count: width), Theme.rule)]
        case .blockQuote:
            if let callout = Callout(block) {
                return CalloutRenderer(blocks: self).lines(for: callout, width: width)
            }
            let inner = lines(for: block.children, width: width - 2)
            return Self.prefix(inner, first: StyledLine("│ ", Theme.gutter), rest: StyledLine("│ ", Theme.gutter))
        case .list(let ordered, let start, let tight):
            return ListRenderer(blocks: self).lines(for: block, ordered: ordered, start: start, tight: tight, width: width)
        case .codeBlock(let info, let literal):
            return CodeBlockRenderer.lines(literal: literal, info: info, width: width)
        case .htmlBlock(let html):
            return html.split(separator: "\n", omittingEmptySubsequences: false)
                .reversed().drop { $0.trimmingCharacters(in: " ").isEmpty }.reversed()
                .map { StyledLine(String($0), Theme.html).truncated(to: width) }
        case .table(let alignments):
            return TableRenderer(inline: inline).lines(for: block, alignments: alignments, width: width)
        case .document, .item, .tableRow, .tableCell:
            return lines(for: block.children, width: width)
        default:
            let text = block.plainText
            return text.isEmpty ? [] : WordWrap.wrap([TextSpan(text)], width: width)
        }
    }

    private func heading(_ block: MarkdownNode, level: Int, width: Int) -> [StyledLine] {
        switch level {
        case 1, 2:
            let look = level == 1 ? Theme.heading1 : Theme.heading2
            let title = WordWrap.wrap(inline.spans(of: block.children, look), width: width)
            let ruleWidth = min(width, max(title.map(\.width).max() ?? 0, 1))
            return title + [StyledLine(String(repeating: level == 1 ? "═" : "─", count: ruleWidth), Theme.rule)]
        default:
            let title = WordWrap.wrap(inline.spans(of: block.children, Theme.heading), width: width - 2)
            return Self.prefix(title, first: StyledLine("▸ ", Theme.heading), rest: "  ")
        }
    }

    /// Lines behind a prefix: `first` on the first line, `rest` on the others (a hanging indent
    /// for list items, a gutter for quotes). Empty lines keep the prefix, without its trailing space.
    static func prefix(_ lines: [StyledLine], first: StyledLine, rest: StyledLine) -> [StyledLine] {
        guard !lines.isEmpty else { return [first] }
        return lines.enumerated().map { index, line in (index == 0 ? first : rest) + line }
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> Substring {
        var text = self
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return text
    }
}
