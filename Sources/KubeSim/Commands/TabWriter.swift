/// Go's `text/tabwriter` as kubectl describe configures it (`tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`):
/// tab-terminated cells of consecutive lines form a column whose width is its widest cell plus
/// two spaces; a line with fewer cells ends the column. Upstream: src/text/tabwriter/tabwriter.go.
enum TabWriter {
    static func format(_ text: String, padding: Int = 2) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        var output = ""
        var widths: [Int] = []

        func write(_ range: Range<Int>) {
            for index in range {
                for (column, cell) in lines[index].enumerated() {
                    output += cell
                    if column < widths.count { output += String(repeating: " ", count: max(0, widths[column] - cell.unicodeScalars.count)) }
                }
                if index < lines.count - 1 || endsWithNewline { output += "\n" }
            }
        }

        /// `Writer.format`: finds the blocks of the next column between `start` and `end`.
        func format(_ start: Int, _ end: Int) {
            var lineStart = start
            let column = widths.count
            var this = start
            while this < end {
                if column >= lines[this].count - 1 { this += 1; continue }
                write(lineStart..<this)
                lineStart = this
                var width = 0
                while this < end, column < lines[this].count - 1 {
                    width = max(width, lines[this][column].unicodeScalars.count + padding)
                    this += 1
                }
                widths.append(width)
                format(lineStart, this)
                widths.removeLast()
                lineStart = this
                this += 1
            }
            write(lineStart..<end)
        }

        format(0, lines.count)
        return output
    }
}
