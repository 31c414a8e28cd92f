import Study
import Terminal

/// Small text charts for `stats`. Kept behind these two functions so the terminal module's
/// `BarChart`/`Heatmap` can replace them without touching the command.
enum StatsCharts {
    /// One row per day: `05-01 Fri ███████ 12`, bars scaled to the widest.
    static func bars(_ days: [StudyStats.Day], width: Int, style: Style) -> [String] {
        let maximum = max(days.map(\.count).max() ?? 0, 1)
        let room = max(10, width - 20)
        return days.map { day in
            let length = day.count == 0 ? 0 : max(1, day.count * room / maximum)
            return "\(day.date.dropFirst(5)) " + style.color(String(repeating: "█", count: length), .cyan) + " \(day.count)"
        }
    }

    /// GitHub-style calendar: seven rows (Mon…Sun), one column per week, shade by review count.
    static func heatmap(_ days: [StudyStats.Day], weekdayOfFirst: Int, style: Style) -> [String] {
        let shades = ["·", "░", "▒", "▓", "█"]
        let maximum = max(days.map(\.count).max() ?? 0, 1)
        var rows = [[String]](repeating: [], count: 7)
        var cells = [String](repeating: " ", count: weekdayOfFirst)
        for day in days {
            let level = day.count == 0 ? 0 : 1 + min(3, (day.count * 4 - 1) / maximum)
            cells.append(level == 0 ? style.dim(shades[0]) : style.color(shades[level], .green))
        }
        for (index, cell) in cells.enumerated() { rows[index % 7].append(cell) }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return rows.enumerated().map { names[$0.offset] + " " + $0.element.joined() }
    }
}
