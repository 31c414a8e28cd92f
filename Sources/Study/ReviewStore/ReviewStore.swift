import Foundation
import GRDB

/// The review history in `<data dir>/reviews.sqlite` (SQLite through GRDB, WAL mode).
///
/// Every rating is one IMMEDIATE transaction that appends a log row and updates the card's cached
/// schedule, computed inside the transaction from the state then on disk: a committed rating survives
/// kill -9, and two processes rating at once wait for each other (busy timeout) instead of
/// overwriting each other's work.
public final class ReviewStore: @unchecked Sendable {
    public static let fileName = "reviews.sqlite"

    public let url: URL
    let queue: DatabaseQueue
    let step: ScheduleStep
    /// Set when the file found at `url` could not be used and was moved aside.
    public let notice: String?

    /// Opens (creating or migrating) the store in `directory`. `step` is the scheduler used to
    /// rate and to replay the log; `now` names any file moved aside.
    public convenience init(directory: URL, step: @escaping ScheduleStep, now: Date) throws {
        try self.init(url: directory.appendingPathComponent(Self.fileName), step: step, now: now)
    }

    public init(url: URL, step: @escaping ScheduleStep, now: Date) throws {
        self.url = url
        self.step = step
        let opened = try ReviewDatabaseFile.open(url, now: now)
        queue = opened.queue
        notice = opened.notice
    }

    /// Records a rating. Returns the log row written; the card's new schedule is in `schedule(for:)`.
    @discardableResult
    public func record(cardId: String, rating: Int, at now: Date, durationMs: Int, session: String) throws -> ReviewLogEntry {
        guard (1...4).contains(rating) else { throw ReviewStoreError("rating \(rating) is not 1 (again) to 4 (easy)") }
        // The step sees the time exactly as replay will read it back from the log.
        let at = Date(timeIntervalSince1970: now.timeIntervalSince1970)
        return try queue.write { db in
            let current = try CardSchedule.fetchOne(db, key: cardId)
            var next = step(current, cardId, rating, at)
            let elapsed = current.map { max(0, now.timeIntervalSince1970 - $0.lastReview) / 86_400 } ?? 0
            var entry = ReviewLogEntry(cardId: cardId, reviewedAt: at, rating: rating, elapsedDays: elapsed,
                                       stateBefore: current?.state ?? 0, after: next, durationMs: max(0, durationMs), session: session)
            try entry.insert(db)
            next.lastEntryId = entry.id ?? 0
            try next.save(db)
            return entry
        }
    }

    /// Cancels review `entryId` by appending an undo row, then replays the card's remaining reviews.
    /// Returns the card's schedule afterwards (nil: the card is new again).
    @discardableResult
    public func undo(entryId: Int64, at now: Date, session: String) throws -> CardSchedule? {
        try queue.write { db in
            guard let entry = try ReviewLogEntry.effective().filter(Column("id") == entryId).fetchOne(db) else {
                throw ReviewStoreError("review \(entryId) does not exist or was already undone")
            }
            let before = try CardSchedule.fetchOne(db, key: entry.cardId)
            var undo = ReviewLogEntry(cardId: entry.cardId, reviewedAt: now, rating: entry.rating, elapsedDays: 0,
                                      stateBefore: before?.state ?? 0, after: nil, durationMs: 0, kind: .undo,
                                      undoes: entryId, session: session)
            let remaining = try ReviewLogEntry.effective().filter(Column("cardId") == entry.cardId)
                .filter(Column("id") != entryId).order(Column("id")).fetchAll(db)
            let replayed = Self.replay(remaining, step: step)
            if let replayed {
                undo.stateAfter = replayed.state
                undo.stabilityAfter = replayed.stability
                undo.difficultyAfter = replayed.difficulty
                undo.dueAfter = replayed.due
            }
            try undo.insert(db)
            if let replayed { try replayed.save(db) } else { try CardSchedule.deleteOne(db, key: entry.cardId) }
            return replayed
        }
    }

    /// A card's schedule from its effective reviews in order, as rating would have produced it.
    public static func replay(_ entries: [ReviewLogEntry], step: ScheduleStep) -> CardSchedule? {
        var schedule: CardSchedule?
        for entry in entries where entry.kind == .review {
            var next = step(schedule, entry.cardId, entry.rating, entry.date)
            next.lastEntryId = entry.id ?? 0
            schedule = next
        }
        return schedule
    }

    public func schedule(for cardId: String) throws -> CardSchedule? {
        try queue.read { try CardSchedule.fetchOne($0, key: cardId) }
    }

    /// Every cached schedule by card id.
    public func schedules() throws -> [String: CardSchedule] {
        try queue.read { db in
            var out: [String: CardSchedule] = [:]
            for schedule in try CardSchedule.fetchAll(db) { out[schedule.cardId] = schedule }
            return out
        }
    }

    /// Every log row in order, undo rows included.
    public func allEntries() throws -> [ReviewLogEntry] {
        try queue.read { try ReviewLogEntry.order(Column("id")).fetchAll($0) }
    }

    /// Reviews that count (not undone), in order; optionally one card's.
    public func effectiveEntries(cardId: String? = nil) throws -> [ReviewLogEntry] {
        try queue.read { db in
            var request = ReviewLogEntry.effective()
            if let cardId { request = request.filter(Column("cardId") == cardId) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Counts for the daily limits since `start` (the start of the learner's day): new cards seen
    /// for the first time, and reviews of cards already seen before.
    public func dailyCounts(since start: Date) throws -> (newCards: Int, reviews: Int) {
        try queue.read { db in
            let since = start.timeIntervalSince1970
            let effective = "kind = 'review' AND id NOT IN (SELECT undoes FROM reviewLog WHERE undoes IS NOT NULL)"
            let new = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT cardId) FROM reviewLog WHERE \(effective) AND stateBefore = 0 AND reviewedAt >= ?", arguments: [since]) ?? 0
            let reviews = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviewLog WHERE \(effective) AND stateBefore = 2 AND reviewedAt >= ?", arguments: [since]) ?? 0
            return (new, reviews)
        }
    }

    /// SQLite's page-by-page check (slow on big files: for `doctor`). Empty when all is well.
    public func integrityProblems() throws -> [String] { try ReviewDatabaseFile.integrityProblems(queue) }

    /// The database connection, for stats queries and tests in this module.
    var reader: DatabaseQueue { queue }
}
