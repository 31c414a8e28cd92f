import Foundation

/// The FSRS-6 memory formulas of py-fsrs 6.3.2 (`Scheduler._initial_stability` …
/// `_get_fuzzed_interval`), with every constant sub-expression worked out once.
///
/// Each formula keeps py-fsrs's order of operations, and `math.e ** x` stays `pow(e, x)` rather
/// than `exp(x)`: the two can differ in the last bit, and an interval that lands on .5 days
/// rounds on that bit.
struct FSRSModel: Sendable {
    /// py-fsrs `STABILITY_MIN`.
    static let minimumStability = 0.001
    static let minimumDifficulty = 1.0, maximumDifficulty = 10.0
    /// Python's `math.e`.
    static let e = 2.718281828459045

    /// Per-rating values, indexed without an array (no bounds checks, no reference counting).
    struct PerRating: Sendable {
        var again, hard, good, easy: Double
        init(_ value: (Rating) -> Double) {
            again = value(.again); hard = value(.hard); good = value(.good); easy = value(.easy)
        }
        @inline(__always) subscript(_ rating: Rating) -> Double {
            switch rating {
            case .again: return again
            case .hard: return hard
            case .good: return good
            case .easy: return easy
            }
        }
    }

    let decay: Double
    let factor: Double
    /// `desired_retention ** (1 / DECAY) - 1`, the numerator of every interval.
    let intervalScale: Double
    let maximumInterval: Int
    let initialStabilities: PerRating
    let initialDifficulties: PerRating
    /// `e ** (w17 * (rating - 3 + w18))`, the short-term stability growth before `S ** -w19`.
    let shortTermGrowth: PerRating
    /// `_initial_difficulty(Easy, clamp=False)`: the target of difficulty's mean reversion.
    let easyInitialDifficulty: Double
    let w6, w7, w9, w10, w11, w12, w13, w14, w15, w16, w19: Double
    let expW8: Double
    /// `e ** (w17 * w18)`: post-lapse stability may not exceed S divided by this.
    let lapseShortTermDivisor: Double

    init(_ parameters: FSRSParameters) {
        let w = parameters.weights
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        intervalScale = pow(parameters.desiredRetention, 1 / decay) - 1
        maximumInterval = parameters.maximumInterval
        initialStabilities = PerRating { max(w[$0.rawValue - 1], Self.minimumStability) }
        let unclampedDifficulty = { (rating: Rating) in w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1 }
        initialDifficulties = PerRating { Self.clampDifficulty(unclampedDifficulty($0)) }
        easyInitialDifficulty = unclampedDifficulty(.easy)
        shortTermGrowth = PerRating { pow(Self.e, w[17] * (Double($0.rawValue - 3) + w[18])) }
        (w6, w7, w9, w10, w11, w12, w13, w14, w15, w16, w19) = (w[6], w[7], w[9], w[10], w[11], w[12], w[13], w[14], w[15], w[16], w[19])
        expW8 = pow(Self.e, w[8])
        lapseShortTermDivisor = pow(Self.e, w[17] * w[18])
    }

    @inline(__always) static func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, minimumDifficulty), maximumDifficulty)
    }

    @inline(__always) func initialStability(_ rating: Rating) -> Double { initialStabilities[rating] }
    @inline(__always) func initialDifficulty(_ rating: Rating) -> Double { initialDifficulties[rating] }

    /// `(1 + FACTOR * elapsed_days / S) ** DECAY`.
    @inline(__always) func retrievability(elapsedDays: Int64, stability: Double) -> Double {
        pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    /// `_next_interval`: whole days, half to even like Python's `round`, between 1 and the maximum.
    func nextInterval(stability: Double) -> Int {
        let days = ((stability / factor) * intervalScale).rounded(.toNearestOrEven)
        guard !days.isNaN else { return 1 }
        return Int(min(max(days, 1), Double(maximumInterval)))
    }

    /// `_short_term_stability`: reviews less than a day apart. Only Again may lower stability:
    /// in 6.3.2 the floor of 1 on the growth covers Hard as well as Good and Easy (earlier 6.x
    /// releases floored Good and Easy only; the oracle's `learn_good_hard_at_step1` and
    /// `lapse_relearn_hard_again_good` cases pin this down).
    @inline(__always) func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var growth = shortTermGrowth[rating] * pow(stability, -w19)
        if rating != .again { growth = max(growth, 1.0) }
        return max(stability * growth, Self.minimumStability)
    }

    /// `_next_difficulty`: linear damping toward 10, then mean reversion toward Easy's initial value.
    @inline(__always) func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w6 * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return Self.clampDifficulty(w7 * easyInitialDifficulty + (1 - w7) * damped)
    }

    /// `_next_stability`: forgetting after Again, recall otherwise; never below `minimumStability`.
    @inline(__always) func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w11 * pow(difficulty, -w12) * (pow(stability + 1, w13) - 1)
                * pow(Self.e, (1 - retrievability) * w14)
            next = min(longTerm, stability / lapseShortTermDivisor)
        } else {
            let hardPenalty = rating == .hard ? w15 : 1
            let easyBonus = rating == .easy ? w16 : 1
            next = stability * (1 + expW8 * (11 - difficulty) * pow(stability, -w9)
                * (pow(Self.e, (1 - retrievability) * w10) - 1) * hardPenalty * easyBonus)
        }
        return max(next, Self.minimumStability)
    }

    /// py-fsrs `FUZZ_RANGES`: (start, end, factor) in days.
    static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
    ]

    /// `_get_fuzzed_interval` for a review interval of `days`, given py-fsrs's `random()` draw.
    func fuzzed(days: Int, unit: Double) -> Int {
        let interval = Double(days)
        if interval < 2.5 { return days }  // py-fsrs: "fuzz is not applied to intervals less than 2.5"
        var delta = 1.0
        for range in Self.fuzzRanges {
            delta += range.factor * max(min(interval, range.end) - range.start, 0.0)
        }
        var lowest = Int((interval - delta).rounded(.toNearestOrEven))
        var highest = Int((interval + delta).rounded(.toNearestOrEven))
        lowest = max(2, lowest)
        highest = min(highest, maximumInterval)
        lowest = min(lowest, highest)
        let drawn = (unit * Double(highest - lowest + 1)) + Double(lowest)
        return min(Int(drawn.rounded(.toNearestOrEven)), maximumInterval)
    }
}
