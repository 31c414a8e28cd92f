import Foundation

/// How many cards a day brings: new cards introduced and reviews of graduated cards.
public struct QuizLimits: Sendable, Equatable {
    public var newPerDay: Int
    public var reviewsPerDay: Int
    public init(newPerDay: Int = 20, reviewsPerDay: Int = 200) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
    }
    public static let `default` = QuizLimits()
}

/// Chooses what a quiz shows, in order: cards due now (learning first, then reviews by due time,
/// reviews capped by the daily limit), then new cards in note order up to the new-card limit.
/// Counts already done today are subtracted from the limits, so quitting and restarting a quiz
/// does not bring twenty more new cards.
public enum QuizQueue {
    public static func build<C: CardFacts>(cards: [C], schedules: [String: CardSchedule], now: Date, limits: QuizLimits,
                                           doneToday: (newCards: Int, reviews: Int)) -> [C] {
        let moment = now.timeIntervalSince1970
        var learning: [(C, Double)] = []
        var reviews: [(C, Double)] = []
        var new: [C] = []
        for card in cards {
            guard let schedule = schedules[card.id] else {
                new.append(card)
                continue
            }
            guard schedule.due <= moment else { continue }
            if schedule.state == CardState.review.rawValue { reviews.append((card, schedule.due)) } else { learning.append((card, schedule.due)) }
        }
        let byDue: ((C, Double), (C, Double)) -> Bool = { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }
        let reviewRoom = max(0, limits.reviewsPerDay - doneToday.reviews)
        let newRoom = max(0, limits.newPerDay - doneToday.newCards)
        return learning.sorted(by: byDue).map(\.0) + reviews.sorted(by: byDue).prefix(reviewRoom).map(\.0) + new.prefix(newRoom)
    }

    /// The earliest due time among `cards` after `now`, for "next card due in 3h".
    public static func nextDue(cards: [some CardFacts], schedules: [String: CardSchedule], after now: Date) -> Date? {
        let ids = Set(cards.map(\.id))
        return schedules.values.filter { ids.contains($0.cardId) && $0.due > now.timeIntervalSince1970 }
            .map(\.dueDate).min()
    }

    /// The start of the learner's day containing `now` (4 a.m., as Anki starts days, in `timeZone`).
    public static func dayStart(containing now: Date, timeZone: TimeZone, hour: Int = 4) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let shifted = now.addingTimeInterval(-Double(hour) * 3_600)
        return calendar.startOfDay(for: shifted).addingTimeInterval(Double(hour) * 3_600)
    }
}
