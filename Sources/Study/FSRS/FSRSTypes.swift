import Foundation

/// The four answer buttons. Raw values are FSRS's (and py-fsrs's `Rating`): they enter the
/// formulas directly (`rating - 3`, `parameters[rating - 1]`), so they must never change.
public enum Rating: Int, Codable, CaseIterable, Sendable, Hashable {
    case again = 1, hard, good, easy

    /// py-fsrs's spelling ("Again", "Hard", "Good", "Easy"), used in JSON and reports.
    public var name: String {
        switch self {
        case .again: return "Again"
        case .hard: return "Hard"
        case .good: return "Good"
        case .easy: return "Easy"
        }
    }
}

/// Where a card is in its life. py-fsrs 6 has no separate "New" state: a new card is `learning`
/// at step 0 with no stability or difficulty yet (`CardMemory.new(at:)`).
public enum CardState: Int, Codable, Sendable, Hashable {
    case learning = 1, review = 2, relearning = 3

    /// py-fsrs's spelling ("Learning", "Review", "Relearning"), as in the oracle vectors.
    public var name: String {
        switch self {
        case .learning: return "Learning"
        case .review: return "Review"
        case .relearning: return "Relearning"
        }
    }

    /// Parses py-fsrs's spelling.
    public init?(name: String) {
        switch name {
        case "Learning": self = .learning
        case "Review": self = .review
        case "Relearning": self = .relearning
        default: return nil
        }
    }
}

/// What FSRS remembers about one card between reviews; py-fsrs's `Card` without the id.
///
/// Plain values only (no class, no array) so that reviewing a card never allocates.
public struct CardMemory: Codable, Equatable, Sendable {
    public var state: CardState
    /// Index into the learning or relearning steps; nil once the card is in `review`.
    public var step: Int?
    /// Days until retrievability falls to 90%; nil until the first review.
    public var stability: Double?
    /// 1 (easy) … 10 (hard); nil until the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    public init(state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card never reviewed, due at once: py-fsrs's `Card()` (Learning, step 0, no memory yet).
    public static func new(at date: Date) -> CardMemory {
        CardMemory(state: .learning, step: 0, stability: nil, difficulty: nil, due: date, lastReview: nil)
    }
}
