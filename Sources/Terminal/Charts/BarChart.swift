/// Bar charts from block characters, for `stats` (the review forecast, cards per topic).
///
/// Pure functions of their input: the same values give the same text, so they are golden-tested.
/// Block characters are ordinary text, so plain mode draws the same chart; colour only tints the
/// bars and dims the axes. Negative and non-finite values count as zero.
public enum BarChart {
    /// Eighths of a cell, bottom-up, for vertical bars.
    static let risingBlocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Eighths of a cell, left to right, for horizontal bars.
    static let growingBlocks = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// One column per value, `height` rows tall, the y axis labelled with the largest value and 0,
    /// and `labels` under their columns where they fit without touching the one before.
    ///
    /// ```
    /// 12 ┤  █
    ///    │▃ █ ▅
    ///  0 └──────
    ///     1   3
    /// ```
    /// Every non-zero value shows at least a `▁`, so a day with one review is not mistaken for none.
    public static func vertical(values: [Double], labels: [String] = [], height: Int = 8, style: Style) -> String {
        let values = values.map(sanitized)
        let height = max(height, 1)
        let top = values.max() ?? 0
        let topLabel = format(top)
        let axisWidth = max(TextWidth.of(topLabel), 1)
        let eighths = values.map { value -> Int in
            guard top > 0, value > 0 else { return 0 }
            return max(Int((value / top * Double(height * 8)).rounded()), 1)
        }
        var out = ""
        for row in 0..<height {
            let fromBottom = height - 1 - row
            let label = row == 0 ? topLabel : ""
            let axis = String(repeating: " ", count: axisWidth - TextWidth.of(label)) + label + (row == 0 ? " ┤" : " │")
            let bars = eighths.map { filled -> String in
                let cell = min(max(filled - fromBottom * 8, 0), 8)
                return cell == 0 ? " " : risingBlocks[cell - 1]
            }.joined(separator: " ")
            out += style.dim(axis) + style.color(trimmed(bars), .cyan) + "\n"
        }
        let baseline = String(repeating: " ", count: axisWidth - 1) + "0 └" + String(repeating: "─", count: max(values.count * 2 - 1, 1))
        out += style.dim(baseline) + "\n"
        let labelLine = placeLabels(labels.prefix(values.count).enumerated().map { ($0.offset * 2, $0.element) })
        if !labelLine.isEmpty { out += String(repeating: " ", count: axisWidth + 2) + labelLine + "\n" }
        return out
    }

    public static func vertical(values: [Int], labels: [String] = [], height: Int = 8, style: Style) -> String {
        vertical(values: values.map(Double.init), labels: labels, height: height, style: style)
    }

    /// One row per value: the label, a bar scaled so the largest value fills the room left in
    /// `width`, and the value itself.
    ///
    /// ```
    /// Workloads  │████████████▌ 25
    /// Storage    │███ 6
    /// ```
    /// Labels longer than a third of the width are cut with `…`.
    public static func horizontal(values: [Double], labels: [String], width: Int = 80, style: Style) -> String {
        let values = values.map(sanitized)
        guard !values.isEmpty else { return "" }
        let names = values.indices.map { $0 < labels.count ? labels[$0] : "" }
            .map { StyledLine($0).truncated(to: max(width / 3, 1)).plainText }
        let labelWidth = names.map(TextWidth.of).max() ?? 0
        let numbers = values.map(format)
        let numberWidth = numbers.map(TextWidth.of).max() ?? 1
        let room = max(width - labelWidth - 2 - numberWidth - 1, 1)
        let top = values.max() ?? 0
        var out = ""
        for (index, value) in values.enumerated() {
            let filled = top > 0 && value > 0 ? max(Int((value / top * Double(room * 8)).rounded()), 1) : 0
            var bar = String(repeating: "█", count: filled / 8)
            if filled % 8 > 0 { bar += growingBlocks[filled % 8 - 1] }
            let head = TextWidth.pad(names[index], to: labelWidth) + " " + style.dim("│")
            out += head + style.color(bar, .cyan) + (bar.isEmpty ? "" : " ") + numbers[index] + "\n"
        }
        return out
    }

    public static func horizontal(values: [Int], labels: [String], width: Int = 80, style: Style) -> String {
        horizontal(values: values.map(Double.init), labels: labels, width: width, style: style)
    }

    /// Labels at their columns, each skipped if it would touch the previous one.
    static func placeLabels(_ placed: [(column: Int, text: String)]) -> String {
        var line = ""
        var used = 0
        for (column, text) in placed where !text.isEmpty {
            guard column >= used + (line.isEmpty ? 0 : 1) else { continue }
            line += String(repeating: " ", count: column - used) + text
            used = column + TextWidth.of(text)
        }
        return line
    }

    static func sanitized(_ value: Double) -> Double { value.isFinite && value > 0 ? value : 0 }

    /// Whole numbers without a decimal point, others to one decimal.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
