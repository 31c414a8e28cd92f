import Foundation

/// Builds `StudyStats` from the cards in the notes, their schedules and the log's aggregates.
/// Cards whose schedule exists but that are gone from the notes are left out of the forecast and
/// mastery (their history stays in the log).
public enum StatsBuilder {
    public static let forecastDays = 30
    public static let heatmapDays = 182

    public static func build<C: CardFacts>(cards: [C], schedules: [String: CardSchedule], aggregates: ReviewStore.LogAggregates,
                             fsrs: FSRSSchedule, now: Date, timeZone: TimeZone) -> StudyStats {
        let offset = Double(timeZone.secondsFromGMT(for: now))
        let today = ReviewStore.dayNumber(now, offset: offset)
        var forecast = [Int](repeating: 0, count: forecastDays)
        var states = StudyStats.States()
        var retrievability: [String: Double] = [:]
        for card in cards {
            guard let schedule = schedules[card.id] else {
                states.new += 1
                continue
            }
            switch CardState(rawValue: schedule.state) {
            case .learning: states.learning += 1
            case .review: states.review += 1
            case .relearning: states.relearning += 1
            case nil: break
            }
            let day = max(0, ReviewStore.dayNumber(schedule.dueDate, offset: offset) - today)
            if day < forecastDays { forecast[day] += 1 }
            retrievability[card.id] = fsrs.retrievability(schedule, at: now)
        }
        let notes = mastery(groups: Dictionary(grouping: cards, by: \.note), retrievability: retrievability)
        var byTag: [String: [C]] = [:]
        for card in cards { for tag in card.tags { byTag[tag, default: []].append(card) } }
        let tags = mastery(groups: byTag, retrievability: retrievability)
        let weakest = tags.filter { $0.reviewed > 0 }.sorted { ($0.mastery, $0.name) < ($1.mastery, $1.name) }.prefix(5)
        return StudyStats(
            forecast: forecast.enumerated().map { StudyStats.Day(date: dateString(day: today + $0.offset), count: $0.element) },
            heatmap: (0..<heatmapDays).map { index in
                let day = today - heatmapDays + 1 + index
                return StudyStats.Day(date: dateString(day: day), count: aggregates.reviewsPerDay[day] ?? 0)
            },
            retention: retention(aggregates.matureReviews, aggregates.matureRecalled),
            retentionLast30Days: retention(aggregates.recentMatureReviews, aggregates.recentMatureRecalled),
            states: states, notes: notes, tags: tags, weakest: Array(weakest), totalReviews: aggregates.totalReviews)
    }

    static func retention(_ reviews: Int, _ recalled: Int) -> StudyStats.Retention {
        StudyStats.Retention(reviews: reviews, recalled: recalled, rate: reviews == 0 ? nil : Double(recalled) / Double(reviews))
    }

    static func mastery<C: CardFacts>(groups: [String: [C]], retrievability: [String: Double]) -> [StudyStats.Mastery] {
        groups.map { name, cards in
            let values = cards.map { retrievability[$0.id] ?? 0 }
            return StudyStats.Mastery(name: name, cards: cards.count, reviewed: cards.filter { retrievability[$0.id] != nil }.count,
                                      mastery: values.reduce(0, +) / Double(max(values.count, 1)))
        }.sorted { $0.name < $1.name }
    }

    /// `yyyy-MM-dd` of a local day number (days since 1970 in local time).
    static func dateString(day: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = Date(timeIntervalSince1970: Double(day) * 86_400)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
