import Foundation
import GRDB

/// `doctor --rebuild`: the schedule table is only a cache of the log, so it can always be thrown
/// away and computed again. Doing so must give exactly the rows the quiz wrote.
extension ReviewStore {
    public struct RebuildReport: Sendable, Equatable {
        /// Cards whose cached row differed from the replayed one (or existed on one side only).
        public var changedCards: [String]
        public var cardCount: Int
        public var entryCount: Int
    }

    /// Appends history rows exactly as given, in one transaction: for bringing in a log written
    /// elsewhere and for benchmarks. The schedules are not touched; call `rebuild(write: true)` next.
    public func bulkAppend(_ entries: [ReviewLogEntry]) throws {
        try queue.write { db in
            for var entry in entries {
                entry.id = nil
                try entry.insert(db)
            }
        }
    }

    /// Replays the whole log. With `write` the cache is replaced by the result, in one transaction.
    public func rebuild(write: Bool) throws -> RebuildReport {
        let body: (Database) throws -> RebuildReport = { [step] db in
            let entries = try ReviewLogEntry.effective().order(Column("id")).fetchAll(db)
            var byCard: [String: [ReviewLogEntry]] = [:]
            for entry in entries { byCard[entry.cardId, default: []].append(entry) }
            var rebuilt: [String: CardSchedule] = [:]
            for (cardId, cardEntries) in byCard {
                if let schedule = Self.replay(cardEntries, step: step) { rebuilt[cardId] = schedule }
            }
            var cached: [String: CardSchedule] = [:]
            for schedule in try CardSchedule.fetchAll(db) { cached[schedule.cardId] = schedule }
            let changed = Set(rebuilt.keys).union(cached.keys).filter { rebuilt[$0] != cached[$0] }.sorted()
            if write {
                try CardSchedule.deleteAll(db)
                for schedule in rebuilt.values { try schedule.insert(db) }
            }
            return RebuildReport(changedCards: changed, cardCount: rebuilt.count, entryCount: entries.count)
        }
        return write ? try queue.write(body) : try queue.read(body)
    }
}
