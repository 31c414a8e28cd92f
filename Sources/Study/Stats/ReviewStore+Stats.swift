import Foundation
import GRDB

/// The aggregates `stats` needs, computed in SQL so a log of a million reviews is summed by
/// SQLite, not loaded into memory.
extension ReviewStore {
    public struct LogAggregates: Sendable, Equatable {
        /// Reviews per local day: day number (days since 1970 in local time) → count.
        public var reviewsPerDay: [Int: Int]
        /// Reviews of cards in review state, and how many of them were recalled (not Again).
        public var matureReviews: Int
        public var matureRecalled: Int
        /// The same, for the last 30 days only.
        public var recentMatureReviews: Int
        public var recentMatureRecalled: Int
        public var totalReviews: Int
    }

    /// Sums the effective log. Days are cut at local midnight using `timeZone`'s offset at `now`.
    public func aggregates(now: Date, timeZone: TimeZone, heatmapDays: Int) throws -> LogAggregates {
        let offset = Double(timeZone.secondsFromGMT(for: now))
        let today = Self.dayNumber(now, offset: offset)
        let heatmapStart = Double(today - heatmapDays + 1) * 86_400 - offset
        let recentStart = now.timeIntervalSince1970 - 30 * 86_400
        return try queue.read { db in
            let effective = "kind = 'review' AND id NOT IN (SELECT undoes FROM reviewLog WHERE undoes IS NOT NULL)"
            var perDay: [Int: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT CAST(floor((reviewedAt + ?) / 86400.0) AS INTEGER), COUNT(*) FROM reviewLog
                WHERE reviewedAt >= ? AND \(effective) GROUP BY 1
                """, arguments: [offset, heatmapStart])
            while let row = try rows.next() { perDay[row[0]] = row[1] }
            let totals = try Row.fetchOne(db, sql: """
                SELECT COUNT(*),
                       COALESCE(SUM(stateBefore = 2), 0), COALESCE(SUM(stateBefore = 2 AND rating > 1), 0),
                       COALESCE(SUM(stateBefore = 2 AND reviewedAt >= ?), 0),
                       COALESCE(SUM(stateBefore = 2 AND rating > 1 AND reviewedAt >= ?), 0)
                FROM reviewLog WHERE \(effective)
                """, arguments: [recentStart, recentStart])
            return LogAggregates(reviewsPerDay: perDay, matureReviews: totals?[1] ?? 0, matureRecalled: totals?[2] ?? 0,
                                 recentMatureReviews: totals?[3] ?? 0, recentMatureRecalled: totals?[4] ?? 0,
                                 totalReviews: totals?[0] ?? 0)
        }
    }

    /// Days since 1970 in local time.
    public static func dayNumber(_ date: Date, offset: Double) -> Int {
        Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
    }
}
