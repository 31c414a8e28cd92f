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
        let recentStart = now.timeIntervalSince1970 - 30 * 86_400
        let firstHeatmapDay = today - heatmapDays + 1
        return try queue.read { db in
            // One scan of the log summed here: a GROUP BY over a computed day would sort a
            // million rows, and two queries would read them twice.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT reviewedAt, stateBefore, rating FROM reviewLog
                WHERE kind = 'review' AND id NOT IN (SELECT undoes FROM reviewLog WHERE undoes IS NOT NULL)
                """)
            var sums = LogAggregates(reviewsPerDay: [:], matureReviews: 0, matureRecalled: 0,
                                     recentMatureReviews: 0, recentMatureRecalled: 0, totalReviews: 0)
            var perDay = [Int](repeating: 0, count: heatmapDays)
            while let row = try rows.next() {
                let reviewedAt: Double = row[0], stateBefore: Int = row[1], rating: Int = row[2]
                let index = Int(((reviewedAt + offset) / 86_400).rounded(.down)) - firstHeatmapDay
                if index >= 0 && index < heatmapDays { perDay[index] += 1 }
                sums.totalReviews += 1
                guard stateBefore == CardState.review.rawValue else { continue }
                let recalled = rating > 1 ? 1 : 0
                sums.matureReviews += 1
                sums.matureRecalled += recalled
                if reviewedAt >= recentStart {
                    sums.recentMatureReviews += 1
                    sums.recentMatureRecalled += recalled
                }
            }
            for (index, count) in perDay.enumerated() where count > 0 { sums.reviewsPerDay[firstHeatmapDay + index] = count }
            return sums
        }
    }

    /// Days since 1970 in local time.
    public static func dayNumber(_ date: Date, offset: Double) -> Int {
        Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
    }
}
