import Foundation

/// A GitHub-style activity calendar: one column per week, one row per weekday, each day shaded
/// by its count. Pure and golden-tested; shades are characters (`·░▒▓█`), so plain mode shows
/// the same picture, and colour only tints it green.
public enum Heatmap {
    /// Shades from no activity to the most active day.
    static let shades = ["·", "░", "▒", "▓", "█"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The `weeks` weeks ending with the week of `endingAt`, Sunday on top, days after
    /// `endingAt` left blank; month names over the week in which each month begins, weekday names
    /// on alternate rows, and a legend.
    ///
    /// ```
    ///     Sep      Oct
    ///     · · ░ · █ ·
    /// Mon ░ ▒ · · ▓ ·
    /// …
    ///     Less · ░ ▒ ▓ █ More
    /// ```
    /// A day's shade is its count's share of the busiest day, in quarters rounded up: any activity
    /// at all shows at least `░`.
    public static func calendar(countsByDay: [CalendarDay: Int], endingAt end: CalendarDay, weeks: Int = 26, style: Style) -> String {
        guard weeks > 0 else { return "" }
        let lastSunday = end.adding(days: -end.weekday)
        let firstSunday = lastSunday.adding(days: -7 * (weeks - 1))
        let busiest = countsByDay.filter { $0.key >= firstSunday && $0.key <= end }.values.max() ?? 0
        let rowLabels = ["", "Mon", "", "Wed", "", "Fri", ""]
        let margin = 4

        var monthLine = String(repeating: " ", count: margin)
        var used = margin
        for (week, month) in monthLabels(firstSunday: firstSunday, weeks: weeks) {
            let column = margin + 2 * week
            guard column >= used + (used > margin ? 1 : 0) else { continue }
            monthLine += String(repeating: " ", count: column - used) + monthNames[month - 1]
            used = column + 3
        }
        var out = monthLine + "\n"
        for weekday in 0..<7 {
            var cells: [String] = []
            for week in 0..<weeks {
                let day = firstSunday.adding(days: 7 * week + weekday)
                if day > end { cells.append(" "); continue }
                let level = Self.level(countsByDay[day] ?? 0, busiest: busiest)
                cells.append(look(level, style))
            }
            var row = TextWidth.pad(rowLabels[weekday], to: margin) + cells.joined(separator: " ")
            while row.hasSuffix(" ") { row.removeLast() }
            out += row + "\n"
        }
        let legend = (0..<shades.count).map { look($0, style) }.joined(separator: " ")
        out += String(repeating: " ", count: margin) + "Less " + legend + " More\n"
        return out
    }

    /// The same calendar keyed by `DateComponents` (year, month and day; others ignored).
    public static func calendar(countsByDay: [DateComponents: Int], endingAt end: DateComponents, weeks: Int = 26, style: Style) -> String {
        var days: [CalendarDay: Int] = [:]
        for (components, count) in countsByDay {
            if let day = CalendarDay(components) { days[day, default: 0] += count }
        }
        guard let last = CalendarDay(end) else { return "" }
        return calendar(countsByDay: days, endingAt: last, weeks: weeks, style: style)
    }

    /// The weeks in which a month begins, with that month; the first week is labelled with its own
    /// month too, unless a month begins within two weeks and would have no room for its name.
    static func monthLabels(firstSunday: CalendarDay, weeks: Int) -> [(week: Int, month: Int)] {
        var labels: [(week: Int, month: Int)] = []
        for week in 0..<weeks {
            let sunday = firstSunday.adding(days: 7 * week)
            if let first = (0..<7).map({ sunday.adding(days: $0) }).first(where: { $0.day == 1 }) {
                labels.append((week, first.month))
            }
        }
        if labels.first.map({ $0.week > 2 }) ?? true { labels.insert((0, firstSunday.month), at: 0) }
        return labels
    }

    /// 0 for no activity, else 1–4 by quarters of the busiest day, rounded up.
    static func level(_ count: Int, busiest: Int) -> Int {
        guard count > 0, busiest > 0 else { return 0 }
        return min(max(Int((Double(count) * 4 / Double(busiest)).rounded(.up)), 1), 4)
    }

    private static func look(_ level: Int, _ style: Style) -> String {
        level == 0 ? style.dim(shades[0]) : style.color(shades[level], .green)
    }
}
