import Foundation

/// FSRS as the review store's scheduler: converts between the stored `CardSchedule` row and
/// FSRS's `CardMemory`, and draws fuzz from a generator seeded by the card id and the review time,
/// so replaying the log (`doctor --rebuild`) repeats every fuzzed interval exactly, and the
/// intervals shown on the buttons are the ones a press then gives.
public struct FSRSSchedule: Sendable {
    public let scheduler: FSRSScheduler

    public init(parameters: FSRSParameters = .default) {
        scheduler = FSRSScheduler(parameters)
    }

    /// The store's step function.
    public var step: ScheduleStep {
        let scheduler = self.scheduler
        return { current, cardId, rating, at in
            let memory = current.map(Self.memory(of:)) ?? .new(at: at)
            var generator = Self.generator(cardId: cardId, at: at)
            let next = scheduler.review(memory, rating: Rating(rawValue: rating) ?? .again, at: at, using: &generator)
            let lapse = rating == Rating.again.rawValue && current?.state == CardState.review.rawValue
            return Self.schedule(next, cardId: cardId, reps: (current?.reps ?? 0) + 1,
                                 lapses: (current?.lapses ?? 0) + (lapse ? 1 : 0), lastEntryId: current?.lastEntryId ?? 0)
        }
    }

    /// What each button would give now, as the store would compute it.
    public func preview(_ current: CardSchedule?, cardId: String, at now: Date) -> [Rating: CardMemory] {
        let at = Date(timeIntervalSince1970: now.timeIntervalSince1970)
        let memory = current.map(Self.memory(of:)) ?? .new(at: at)
        return scheduler.preview(memory, at: at, using: Self.generator(cardId: cardId, at: at))
    }

    /// Probability of recalling the card at `date` (0 for a new card).
    public func retrievability(_ schedule: CardSchedule, at date: Date) -> Double {
        scheduler.retrievability(of: Self.memory(of: schedule), at: date)
    }

    public static func memory(of schedule: CardSchedule) -> CardMemory {
        CardMemory(state: CardState(rawValue: schedule.state) ?? .learning, step: schedule.step,
                   stability: schedule.stability, difficulty: schedule.difficulty,
                   due: Date(timeIntervalSince1970: schedule.due), lastReview: Date(timeIntervalSince1970: schedule.lastReview))
    }

    static func schedule(_ memory: CardMemory, cardId: String, reps: Int, lapses: Int, lastEntryId: Int64) -> CardSchedule {
        CardSchedule(cardId: cardId, state: memory.state.rawValue, step: memory.step,
                     stability: memory.stability ?? 0, difficulty: memory.difficulty ?? 0,
                     due: memory.due.timeIntervalSince1970,
                     lastReview: (memory.lastReview ?? memory.due).timeIntervalSince1970,
                     reps: reps, lapses: lapses, lastEntryId: lastEntryId)
    }

    /// A generator that depends only on the card and the moment of the review.
    static func generator(cardId: String, at date: Date) -> SplitMix64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in cardId.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let micros = UInt64(bitPattern: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        return SplitMix64(seed: hash ^ micros)
    }
}

/// Steele, Lea and Flood's SplitMix64: tiny, fast, and the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
