import Foundation

/// The state of one quiz: what is left to show, what was answered (for `undo`), and the tallies for
/// the summary. Pure: times come in as arguments, so tests run a day of learning in microseconds.
public struct QuizSession: Sendable {
    /// An answered card, kept so `undo` can cancel it.
    public struct Answer: Sendable, Equatable {
        public var cardId: String
        public var entryId: Int64
        public var rating: Rating
        public var durationMs: Int
    }

    public struct Summary: Sendable, Equatable, Encodable {
        public var reviewed: Int
        public var recalled: Int
        public var skipped: Int
        public var timeSpentMs: Int
        /// Recalled (any rating but Again) as a share of reviewed, 0…100; nil when nothing was reviewed.
        public var recalledPercent: Double? { reviewed == 0 ? nil : Double(recalled) * 100 / Double(reviewed) }
    }

    /// Learning cards due within this many seconds are shown again in the same quiz (Anki's learn-ahead).
    public static let learnAhead: TimeInterval = 20 * 60

    private var queue: [String]
    private var cardsById: [String: CardSummary]
    /// Cards answered in this quiz that come back soon (learning steps), with their due time.
    private var comingBack: [(id: String, due: Date)] = []
    public private(set) var answers: [Answer] = []
    public private(set) var skipped: [String] = []
    /// How many distinct cards the quiz started with (for `3/20` in the prompt).
    public let initialCount: Int

    public init(cards: [some CardFacts]) {
        queue = cards.map(\.id)
        cardsById = Dictionary(cards.map { ($0.id, CardSummary($0)) }, uniquingKeysWith: { first, _ in first })
        initialCount = cards.count
    }

    /// The next card to show at `now`, or nil when the quiz is over.
    public func next(at now: Date) -> CardSummary? {
        if let id = queue.first { return cardsById[id] }
        let soon = comingBack.filter { $0.due <= now.addingTimeInterval(Self.learnAhead) }.min { $0.due < $1.due }
        return soon.flatMap { cardsById[$0.id] }
    }

    /// Cards still to show, counting those coming back.
    public var remaining: Int { queue.count + comingBack.count }

    /// Records an answer to `card` whose new due time is `due`.
    public mutating func answered(_ card: some CardFacts, entryId: Int64, rating: Rating, durationMs: Int, due: Date, at now: Date) {
        remove(card.id)
        answers.append(Answer(cardId: card.id, entryId: entryId, rating: rating, durationMs: durationMs))
        if due <= now.addingTimeInterval(Self.learnAhead) { comingBack.append((card.id, due)) }
    }

    /// Takes `card` out of this quiz without rating it.
    public mutating func skip(_ card: some CardFacts) {
        remove(card.id)
        skipped.append(card.id)
    }

    /// Cancels the last answer: its card is shown next. Returns it (the caller undoes it in the store).
    public mutating func undo() -> Answer? {
        guard let last = answers.popLast() else { return nil }
        remove(last.cardId)
        queue.insert(last.cardId, at: 0)
        return last
    }

    /// Replaces a card's content after `edit` (same id); a card deleted meanwhile leaves the quiz.
    public mutating func refresh(with cards: [some CardFacts]) {
        let fresh = Dictionary(cards.map { ($0.id, CardSummary($0)) }, uniquingKeysWith: { first, _ in first })
        for id in Array(cardsById.keys) {
            if let card = fresh[id] { cardsById[id] = card } else { cardsById[id] = nil; remove(id) }
        }
    }

    public var summary: Summary {
        Summary(reviewed: answers.count, recalled: answers.filter { $0.rating != .again }.count,
                skipped: skipped.count, timeSpentMs: answers.map(\.durationMs).reduce(0, +))
    }

    private mutating func remove(_ id: String) {
        queue.removeAll { $0 == id }
        comingBack.removeAll { $0.id == id }
    }
}
