import Foundation

/// Everything `stats` shows, as plain values (and the JSON of `stats --format json`).
public struct StudyStats: Encodable, Sendable, Equatable {
    public struct Day: Encodable, Sendable, Equatable {
        /// Local date, `yyyy-MM-dd`.
        public var date: String
        public var count: Int
    }

    public struct Retention: Encodable, Sendable, Equatable {
        /// Reviews of graduated cards (state review) and the share recalled, 0…1; nil without any.
        public var reviews: Int
        public var recalled: Int
        public var rate: Double?
    }

    public struct Mastery: Encodable, Sendable, Equatable {
        public var name: String
        public var cards: Int
        public var reviewed: Int
        /// Mean probability of recall now over all the group's cards (new cards count 0), 0…1.
        public var mastery: Double
    }

    public struct States: Encodable, Sendable, Equatable {
        public var new = 0, learning = 0, review = 0, relearning = 0
    }

    /// Cards due on each of the next 30 days; the first day includes overdue cards.
    public var forecast: [Day]
    /// Reviews per day over the last six months, oldest first.
    public var heatmap: [Day]
    /// "True retention" as Anki's add-on defines it: recall rate on reviews of graduated cards.
    public var retention: Retention
    public var retentionLast30Days: Retention
    public var states: States
    public var notes: [Mastery]
    public var tags: [Mastery]
    /// The five tags (topics) with the lowest mastery among those with reviewed cards.
    public var weakest: [Mastery]
    public var totalReviews: Int
}
