import ArgumentParser
import Foundation
import Study
import Terminal

/// `stats`: what is coming due, what was done, how well it is remembered, and where it is weakest.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Due forecast, review calendar, retention, card states and mastery per note and tag.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: ArgumentHelp("Pretend the time is this ISO 8601 instant (for tests).", valueName: "time", visibility: .hidden))
    var now: String?

    func validate() throws {
        if let now, StudyClock.parse(now) == nil { throw ValidationError("--now must be an ISO 8601 time such as 2026-05-01T09:00:00Z.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let moment = StudyClock(fixed: now.flatMap(StudyClock.parse)).now()
        let cards = try CardCommands.catalog(global: global, env: env).cards
        let store = try StudyStore.open(global: global, env: env, now: moment)
        let timeZone = TimeZone.current
        let aggregates = try store.aggregates(now: moment, timeZone: timeZone, heatmapDays: StatsBuilder.heatmapDays)
        let stats = StatsBuilder.build(cards: cards, schedules: try store.schedules(), aggregates: aggregates,
                                       fsrs: StudyStore.schedule, now: moment, timeZone: timeZone)
        if output.isJSON {
            env.out.line(try JSONOutput.string(stats))
        } else {
            print(stats, now: moment, timeZone: timeZone, env: env)
        }
    }

    private func print(_ stats: StudyStats, now: Date, timeZone: TimeZone, env: CommandEnvironment) {
        let style = env.style
        let out = env.out
        out.line(style.bold("Due in the next 30 days") + style.dim(" (today includes overdue)"))
        StatsCharts.bars(stats.forecast, width: env.terminalWidth, style: style).forEach(out.line)
        out.line()
        out.line(style.bold("Reviews, last 6 months") + style.dim(" (\(stats.heatmap.map(\.count).reduce(0, +)) reviews)"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let firstDay = now.addingTimeInterval(-Double(StatsBuilder.heatmapDays - 1) * 86_400)
        let weekday = (calendar.component(.weekday, from: firstDay) + 5) % 7  // Monday = 0
        StatsCharts.heatmap(stats.heatmap, weekdayOfFirst: weekday, style: style).forEach(out.line)
        out.line()
        out.line(style.bold("True retention") + "  " + Self.percent(stats.retention) + " overall, "
                 + Self.percent(stats.retentionLast30Days) + " last 30 days" + style.dim(" (reviews of graduated cards not answered Again)"))
        let states = stats.states
        out.line(style.bold("Cards") + "  \(states.new) new · \(states.learning) learning · \(states.review) review · \(states.relearning) relearning")
        out.line()
        Self.table("Mastery by note", stats.notes, style: style).forEach(out.line)
        out.line()
        Self.table("Mastery by tag", stats.tags, style: style).forEach(out.line)
        out.line()
        if stats.weakest.isEmpty {
            out.line(style.bold("Weakest topics") + "  none yet: review some cards first.")
        } else {
            Self.table("Weakest topics", stats.weakest, style: style).forEach(out.line)
        }
    }

    static func percent(_ retention: StudyStats.Retention) -> String {
        retention.rate.map { String(format: "%.1f%% (%d/%d)", $0 * 100, retention.recalled, retention.reviews) } ?? "–"
    }

    static func table(_ title: String, _ rows: [StudyStats.Mastery], style: Style) -> [String] {
        let width = min(max(rows.map(\.name.count).max() ?? 0, 4), 36)
        var lines = [style.bold(title)]
        for row in rows {
            let name = row.name.count > width ? String(row.name.prefix(width - 1)) + "…" : row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let filled = Int((row.mastery * 20).rounded())
            let bar = style.color(String(repeating: "█", count: filled), .green) + style.dim(String(repeating: "░", count: 20 - filled))
            lines.append("  \(name)  \(bar) \(String(format: "%3.0f%%", row.mastery * 100))  \(row.reviewed)/\(row.cards) cards reviewed")
        }
        return lines
    }
}
