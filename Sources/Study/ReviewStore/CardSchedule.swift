import Foundation
import GRDB

/// A card's current memory state: a cache of the replayed review log, one row per reviewed card.
/// A card with no row is new. Rebuilding from the log (`doctor --rebuild`) must give the same rows.
public struct CardSchedule: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cardSchedule"

    public var cardId: String
    /// 1 learning, 2 review, 3 relearning (FSRS's `CardState`).
    public var state: Int
    /// Index into the learning or relearning steps; nil once the card is in review.
    public var step: Int?
    public var stability: Double
    public var difficulty: Double
    /// Seconds since 1970.
    public var due: Double
    public var lastReview: Double
    public var reps: Int
    /// Times the card was forgotten after it had graduated (Again in review state).
    public var lapses: Int
    /// The log row this state follows from.
    public var lastEntryId: Int64

    public init(cardId: String, state: Int, step: Int?, stability: Double, difficulty: Double, due: Double,
                lastReview: Double, reps: Int, lapses: Int, lastEntryId: Int64) {
        self.cardId = cardId
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.lastEntryId = lastEntryId
    }

    /// Reads a row by column position, without Decodable: quiz start fetches thousands of these
    /// (GRDB's "FetchableRecord" docs recommend `init(row:)` where speed matters). The positions
    /// are those of `columns`, which every fetch selects.
    public init(row: Row) throws {
        cardId = row[0]
        state = row[1]
        step = row[2]
        stability = row[3]
        difficulty = row[4]
        due = row[5]
        lastReview = row[6]
        reps = row[7]
        lapses = row[8]
        lastEntryId = row[9]
    }

    public static let databaseSelection: [any SQLSelectable] = [
        Column("cardId"), Column("state"), Column("step"), Column("stability"), Column("difficulty"),
        Column("due"), Column("lastReview"), Column("reps"), Column("lapses"), Column("lastEntryId"),
    ]

    public var dueDate: Date { Date(timeIntervalSince1970: due) }
    public var lastReviewDate: Date { Date(timeIntervalSince1970: lastReview) }
}

/// Computes a card's next schedule from its current one (nil: a new card), a rating and a time.
/// The quiz passes FSRS in; the store replays the log with it, so both always agree.
public typealias ScheduleStep = @Sendable (_ current: CardSchedule?, _ cardId: String, _ rating: Int, _ at: Date) -> CardSchedule
