import Markdown

/// A table drawn with box characters, fitted to a width: markdown tables and `Table.boxed` both
/// draw through it.
///
/// ```
/// ┌──────┬─────────┐
/// │ Kind │ Short   │
/// ╞══════╪═════════╡
/// │ Pod  │ po      │
/// └──────┴─────────┘
/// ```
/// The header is set off by a double rule so it stays distinct without bold. When the table is
/// wider than the terminal, `ColumnFitting` shrinks the widest columns and cell text wraps inside
/// its cell; once any body row takes several lines, rows are separated by `├─┼─┤` rules so each
/// row still reads as one.
struct BoxTable {
    /// Each cell's content; `\n` inside a cell is a line break.
    var header: [[TextSpan]]
    var rows: [[[TextSpan]]]
    var alignments: [TableAlignment]

    func lines(width: Int) -> [StyledLine] {
        let columnCount = max(header.count, alignments.count, rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        let allRows = [header] + rows
        var natural = Array(repeating: 1, count: columnCount)
        var floors = Array(repeating: 1, count: columnCount)
        for row in allRows {
            for (column, cell) in row.enumerated() {
                let unwrapped = WordWrap.wrap(cell, width: Int.max / 4)
                natural[column] = max(natural[column], unwrapped.map(\.width).max() ?? 0)
                floors[column] = max(floors[column], Self.longestWord(cell))
            }
        }
        let available = width - (3 * columnCount + 1)
        let widths = ColumnFitting.fit(natural: natural, floors: floors, available: available)

        let bodyLines = rows.map { drawRow($0, widths: widths) }
        let separateRows = bodyLines.contains { $0.count > 1 }
        var out = [border("┌", "─", "┬", "┐", widths)]
        out += drawRow(header, widths: widths)
        out.append(border("╞", "═", "╪", "╡", widths))
        if rows.isEmpty { out.removeLast() }
        for (index, row) in bodyLines.enumerated() {
            if index > 0 && separateRows { out.append(border("├", "─", "┼", "┤", widths)) }
            out += row
        }
        out.append(border("└", "─", "┴", "┘", widths))
        return out
    }

    private func border(_ left: String, _ fill: String, _ joint: String, _ right: String, _ widths: [Int]) -> StyledLine {
        let text = left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: joint) + right
        return StyledLine(text, Theme.tableBorder)
    }

    private func drawRow(_ row: [[TextSpan]], widths: [Int]) -> [StyledLine] {
        let cells = widths.indices.map { column in
            WordWrap.wrap(column < row.count ? row[column] : [], width: widths[column])
        }
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            var line = StyledLine("│", Theme.tableBorder)
            for (column, cellLines) in cells.enumerated() {
                let content = lineIndex < cellLines.count ? cellLines[lineIndex] : StyledLine()
                let alignment = column < alignments.count ? alignments[column] : .none
                line += " " + Self.align(content, width: widths[column], alignment) + " "
                line += StyledLine("│", Theme.tableBorder)
            }
            return line
        }
    }

    static func align(_ line: StyledLine, width: Int, _ alignment: TableAlignment) -> StyledLine {
        let missing = max(width - line.width, 0)
        switch alignment {
        case .right:
            return StyledLine(String(repeating: " ", count: missing)) + line
        case .center:
            let left = missing / 2
            return (StyledLine(String(repeating: " ", count: left)) + line).padded(to: width)
        case .left, .none:
            return line.padded(to: width)
        }
    }

    /// The widest word of a cell: the narrowest the column can be without splitting words.
    static func longestWord(_ spans: [TextSpan]) -> Int {
        WordWrap.tokens(of: spans).reduce(0) { widest, token in
            if case .word(let word) = token { return max(widest, word.width) }
            return widest
        }
    }
}

/// Chooses column widths that fit a width, shrinking the widest columns first.
enum ColumnFitting {
    /// Column widths summing to at most `available` when possible: the natural widths if they fit;
    /// else the widest columns cut down to a common level, each kept at least as wide as its
    /// longest word (`floors`); if even that is too wide, words are split and columns may go down
    /// to one column each. Never returns a width below 1.
    static func fit(natural: [Int], floors: [Int], available: Int) -> [Int] {
        let natural = natural.map { max($0, 1) }
        if natural.reduce(0, +) <= available { return natural }
        let floors = zip(floors, natural).map { max(min($0, $1), 1) }
        if floors.reduce(0, +) <= available {
            return level(caps: natural, floors: floors, available: available)
        }
        let ones = Array(repeating: 1, count: natural.count)
        return level(caps: floors, floors: ones, available: available)
    }

    /// Water-filling: the highest level L with Σ max(floor, min(cap, L)) ≤ available, then the
    /// columns still below their cap take the columns left over, one each, from the left.
    private static func level(caps: [Int], floors: [Int], available: Int) -> [Int] {
        func widths(at level: Int) -> [Int] { zip(caps, floors).map { max($1, min($0, level)) } }
        var low = 0
        var high = caps.max() ?? 0
        while low < high {
            let middle = (low + high + 1) / 2
            if widths(at: middle).reduce(0, +) <= available { low = middle } else { high = middle - 1 }
        }
        var result = widths(at: low)
        var spare = available - result.reduce(0, +)
        for index in result.indices where spare > 0 && result[index] < caps[index] {
            result[index] += 1
            spare -= 1
        }
        return result
    }
}
