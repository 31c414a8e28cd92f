/// Go's text/tabwriter as kubectl's describers use it (minwidth 0, tabwidth 8, padding 2,
/// padchar ' ', no flags): tab-terminated cells of consecutive lines form a column block padded
/// to its widest cell plus 2; a line with fewer cells ends the block (`Writer.format`).
struct TabWriter {
    static func format(_ text: String, padding: Int = 2) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        if lines.last == [""] { lines.removeLast() }
        var output = ""
        var widths: [Int] = []
        func writeLines(_ range: Range<Int>) {
            for index in range {
                let cells = lines[index]
                for (column, cell) in cells.enumerated() {
                    if column < cells.count - 1, column < widths.count {
                        output += cell + String(repeating: " ", count: max(0, widths[column] - cell.count))
                    } else if column < cells.count - 1 {
                        output += cell
                    } else {
                        output += cell
                    }
                }
                output += "\n"
            }
        }
        func format(_ start: Int, _ end: Int) {
            let column = widths.count
            var line0 = start
            var this = start
            while this < end {
                if column >= lines[this].count - 1 { this += 1; continue }
                writeLines(line0..<this)
                line0 = this
                var width = 0
                while this < end, column < lines[this].count - 1 {
                    width = max(width, lines[this][column].count + padding)
                    this += 1
                }
                widths.append(width)
                format(line0, this)
                widths.removeLast()
                line0 = this
            }
            writeLines(line0..<end)
        }
        format(0, lines.count)
        return output
    }
}

/// kubectl's `PrefixWriter`: each write is indented by two spaces per level (LEVEL_0…LEVEL_3).
struct PrefixLines {
    var text = ""
    mutating func write(_ level: Int, _ value: String) {
        text += String(repeating: "  ", count: level) + value
    }
}
