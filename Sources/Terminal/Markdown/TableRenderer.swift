import Markdown

/// A GFM table as a `BoxTable`: inline markup inside cells rendered, the header row bold, columns
/// aligned as the table's delimiter row says.
struct TableRenderer {
    var inline: InlineRenderer

    func lines(for table: MarkdownNode, alignments: [TableAlignment], width: Int) -> [StyledLine] {
        var header: [[TextSpan]] = []
        var rows: [[[TextSpan]]] = []
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            let look = isHeader ? Theme.tableHeader : .plain
            let cells = row.children.map { inline.spans(of: $0.children, look) }
            if isHeader && header.isEmpty { header = cells } else { rows.append(cells) }
        }
        return BoxTable(header: header, rows: rows, alignments: alignments).lines(width: width)
    }
}
