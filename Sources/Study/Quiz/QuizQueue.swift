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
    // Inlinable, so callers in other modules get code specialized for their card type.
    @inlinable
    public static func build<C: CardFacts>(cards: [C], schedules: [String: CardSchedule], now: Date, limits: QuizLimits,
                                           doneToday: (newCards: Int, reviews: Int)) -> [C] {
        let moment = now.timeIntervalSince1970
        // Positions and due times are sorted, not the cards: moving whole cards costs retains.
        var learning: [(index: Int, due: Double)] = []
        var reviews: [(index: Int, due: Double)] = []
        var new: [Int] = []
        for (index, card) in cards.enumerated() {
            guard let schedule = schedules[card.id] else {
                new.append(index)
                continue
            }
            guard schedule.due <= moment else { continue }
            if schedule.state == CardState.review.rawValue { reviews.append((index, schedule.due)) } else { learning.append((index, schedule.due)) }
        }
        let byDue = { (a: (index: Int, due: Double), b: (index: Int, due: Double)) -> Bool in
            a.due != b.due ? a.due < b.due : cards[a.index].id < cards[b.index].id
        }
        let reviewRoom = max(0, limits.reviewsPerDay - doneToday.reviews)
        let newRoom = max(0, limits.newPerDay - doneToday.newCards)
        let order = learning.sorted(by: byDue).map(\.index) + reviews.sorted(by: byDue).prefix(reviewRoom).map(\.index) + new.prefix(newRoom)
        return order.map { cards[$0] }
    }

    /// The earliest due time among `cards` after `now`, for "next card due in 3h".
    @inlinable
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
