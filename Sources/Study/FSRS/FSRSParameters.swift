import Foundation

/// Everything that shapes scheduling. Defaults are py-fsrs 6.3.2's `Scheduler()` defaults
/// (`fsrs/scheduler.py`): the 21 FSRS-6 weights, 90% retention, learning steps 1m and 10m,
/// relearning step 10m, at most 36,500 days, fuzz on.
public struct FSRSParameters: Codable, Sendable, Equatable {
    /// w0…w20. w0–w3 initial stability per rating, w4–w7 difficulty, w8–w16 stability after a
    /// review, w17–w19 same-day (short-term) stability, w20 the forgetting-curve decay.
    public var weights: [Double]
    /// Target probability of recall when a card comes due; intervals shrink as it grows.
    public var desiredRetention: Double
    /// Seconds between the first reviews of a new card.
    public var learningSteps: [TimeInterval]
    /// Seconds between reviews after a lapse (Again on a card in review).
    public var relearningSteps: [TimeInterval]
    /// Longest interval, in days.
    public var maximumInterval: Int
    /// Spread due dates a little so cards learnt together do not stay together; off in tests.
    public var enableFuzzing: Bool

    public init(weights: [Double] = FSRSParameters.defaultWeights, desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
                maximumInterval: Int = 36_500, enableFuzzing: Bool = true) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// py-fsrs 6.3.2 `DEFAULT_PARAMETERS`.
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// What a user gets without configuring anything (fuzz on).
    public static let `default` = FSRSParameters()

    /// py-fsrs `LOWER_BOUNDS_PARAMETERS`; weights outside these make the formulas meaningless.
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// py-fsrs `UPPER_BOUNDS_PARAMETERS`.
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// Every reason these parameters cannot be used, empty when they can. The weight messages are
    /// py-fsrs's `_validate_parameters` wording; the rest guard what py-fsrs assumes silently.
    public var problems: [String] {
        guard weights.count == Self.lowerBounds.count else {
            return ["Expected \(Self.lowerBounds.count) parameters, got \(weights.count)."]
        }
        var found: [String] = []
        for (index, weight) in weights.enumerated() {
            let lower = Self.lowerBounds[index], upper = Self.upperBounds[index]
            if !(lower <= weight && weight <= upper) {
                found.append("parameters[\(index)] = \(weight) is out of bounds: (\(lower), \(upper))")
            }
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            found.append("desired retention \(desiredRetention) must be between 0 and 1 (exclusive)")
        }
        if learningSteps.contains(where: { !($0 >= 0) }) || relearningSteps.contains(where: { !($0 >= 0) }) {
            found.append("learning and relearning steps must not be negative")
        }
        if maximumInterval < 1 { found.append("maximum interval \(maximumInterval) must be at least 1 day") }
        return found
    }
}
