import Markdown

/// Tables for command output, measured by display width (wide characters count two columns,
/// escape sequences none), so coloured or Japanese cells still line up.
public enum Table {
    /// kubectl's layout: an upper-case header, columns left-aligned and separated by three spaces,
    /// no borders, no trailing spaces. Rows shorter than the header get empty cells; a newline in
    /// a cell becomes a space, since one row must stay one line for `grep` and `awk`.
    ///
    /// ```
    /// NAME    READY   STATUS
    /// web-1   1/1     Running
    /// ```
    public static func columns(header: [String], rows: [[String]], style: Style = Style(enabled: false)) -> String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return "" }
        func cells(_ row: [String]) -> [String] {
            (0..<columnCount).map { $0 < row.count ? singleLine(row[$0]) : "" }
        }
        let headerCells = cells(header.map { $0.uppercased() })
        let bodyCells = rows.map(cells)
        var widths = headerCells.map(TextWidth.of)
        for row in bodyCells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], TextWidth.of(cell)) }
        }
        func line(_ row: [String], _ look: (String) -> String) -> String {
            var text = ""
            for (column, cell) in row.enumerated() {
                let isLast = column == columnCount - 1
                text += look(isLast ? cell : TextWidth.pad(cell, to: widths[column] + 3))
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let headerLine = header.isEmpty ? "" : line(headerCells, style.bold)
        return headerLine + bodyCells.map { line($0, { $0 }) }.joined()
    }

    /// A bordered table fitted to `width`, drawn like markdown tables: box characters, a bold
    /// header set off by `═`, long cells wrapped inside their column. Cells are plain text
    /// (a `\n` breaks a line); `alignments` default to left.
    public static func boxed(header: [String], rows: [[String]], alignments: [TableAlignment] = [],
                             width: Int, style: Style = Style(enabled: false)) -> String {
        let table = BoxTable(header: header.map { [TextSpan($0, Theme.tableHeader)] },
                             rows: rows.map { $0.map { [TextSpan($0)] } },
                             alignments: alignments)
        return table.lines(width: width).rendered(color: style.enabled)
    }

    private static func singleLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
