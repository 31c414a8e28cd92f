import Foundation
import GRDB

/// One row of the append-only review log: the source of truth from which every card's schedule is
/// rebuilt (`doctor --rebuild`) and from which personal FSRS parameters could one day be fitted.
///
/// Rows are never updated or deleted (triggers in the schema refuse it). Undoing a rating appends an
/// `undo` row naming the review it cancels; replay skips both.
public struct ReviewLogEntry: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reviewLog"

    public enum Kind: String, Codable, Sendable { case review, undo }

    public var id: Int64?
    public var cardId: String
    /// Seconds since 1970 (a number, so SQL can group by day over a million rows quickly).
    public var reviewedAt: Double
    /// 1 again, 2 hard, 3 good, 4 easy (for an undo row: the rating it cancels).
    public var rating: Int
    /// Days since the card's previous review (0 for a new card).
    public var elapsedDays: Double
    /// 0 new, 1 learning, 2 review, 3 relearning.
    public var stateBefore: Int
    public var stateAfter: Int
    public var stabilityAfter: Double
    public var difficultyAfter: Double
    public var dueAfter: Double
    /// How long the learner took to answer, in milliseconds.
    public var durationMs: Int
    public var kind: Kind
    /// For an undo row, the id of the review it cancels.
    public var undoes: Int64?
    /// Which quiz session wrote the row, so `undo` only cancels that session's ratings.
    public var session: String

    public init(id: Int64? = nil, cardId: String, reviewedAt: Date, rating: Int, elapsedDays: Double,
                stateBefore: Int, after: CardSchedule?, durationMs: Int, kind: Kind = .review, undoes: Int64? = nil, session: String) {
        self.id = id
        self.cardId = cardId
        self.reviewedAt = reviewedAt.timeIntervalSince1970
        self.rating = rating
        self.elapsedDays = elapsedDays
        self.stateBefore = stateBefore
        self.stateAfter = after?.state ?? 0
        self.stabilityAfter = after?.stability ?? 0
        self.difficultyAfter = after?.difficulty ?? 0
        self.dueAfter = after?.due ?? reviewedAt.timeIntervalSince1970
        self.durationMs = durationMs
        self.kind = kind
        self.undoes = undoes
        self.session = session
    }

    public var date: Date { Date(timeIntervalSince1970: reviewedAt) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The rows that count: reviews not cancelled by an undo row.
    public static func effective() -> QueryInterfaceRequest<ReviewLogEntry> {
        ReviewLogEntry.filter(sql: "kind = 'review' AND id NOT IN (SELECT undoes FROM reviewLog WHERE undoes IS NOT NULL)")
    }
}
