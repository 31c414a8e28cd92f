import Foundation

/// FSRS-6 scheduling, a line-for-line port of py-fsrs 6.3.2 `Scheduler.review_card`
/// (`fsrs/scheduler.py`), checked against `Tests/StudyTests/Fixtures/fsrs-vectors.json`.
///
/// Time is handled as py-fsrs handles it: elapsed days are whole days since the last review,
/// rounded down (`timedelta.days`), and a review less than one such day after the previous one
/// uses the short-term (same-day) stability formula. Everything the formulas need is worked out
/// once in `init`, so a review is a few `pow` calls on plain values and never allocates.
public struct FSRSScheduler: Sendable {
    public let parameters: FSRSParameters
    let model: FSRSModel
    private let learningSteps: [Int64]
    private let relearningSteps: [Int64]

    /// A scheduler for `parameters`. They must have 21 weights (check `parameters.problems`, or use
    /// `validated(_:)` for settings read from a file); a wrong count is a programming error.
    public init(_ parameters: FSRSParameters) {
        precondition(parameters.weights.count == FSRSParameters.lowerBounds.count,
                     "FSRS-6 needs \(FSRSParameters.lowerBounds.count) weights, got \(parameters.weights.count)")
        self.parameters = parameters
        model = FSRSModel(parameters)
        learningSteps = parameters.learningSteps.map(Microseconds.duration(seconds:))
        relearningSteps = parameters.relearningSteps.map(Microseconds.duration(seconds:))
    }

    /// A scheduler for settings from outside the program, or an error naming every problem.
    public static func validated(_ parameters: FSRSParameters) throws -> FSRSScheduler {
        let problems = parameters.problems
        guard problems.isEmpty else { throw FSRSParameterError(problems: problems) }
        return FSRSScheduler(parameters)
    }

    /// The card after answering `rating` at `date`. Fuzz, when `parameters.enableFuzzing` is on,
    /// comes from the system generator; pass one to `review(_:rating:at:using:)` to repeat it.
    public func review(_ card: CardMemory, rating: Rating, at date: Date) -> CardMemory {
        if parameters.enableFuzzing {
            var generator = SystemRandomNumberGenerator()
            return review(card, rating: rating, at: date, using: &generator)
        }
        let now = Microseconds.since2001(date)
        let outcome = schedule(card, rating: rating, now: now)
        return outcome.card(reviewedAt: now, interval: outcome.interval)
    }

    /// As `review(_:rating:at:)`, drawing fuzz from `generator` (py-fsrs's `random()`): with a
    /// `PythonRandom` seeded like `random.seed(n)` the fuzzed due dates are py-fsrs's.
    /// Fuzz is applied only when `parameters.enableFuzzing` is on and the card ends in review.
    public func review<G: RandomNumberGenerator>(_ card: CardMemory, rating: Rating, at date: Date,
                                                 using generator: inout G) -> CardMemory {
        let now = Microseconds.since2001(date)
        let outcome = schedule(card, rating: rating, now: now)
        var interval = outcome.interval
        // py-fsrs returns before calling random() for intervals under 2.5 days, so no draw is
        // taken then: a seeded sequence stays in step with the reference's.
        if parameters.enableFuzzing && outcome.state == .review && Double(outcome.intervalDays) >= 2.5 {
            let unit = Double(generator.next() >> 11) * 0x1p-53
            interval = Int64(model.fuzzed(days: outcome.intervalDays, unit: unit)) * Microseconds.perDay
        }
        return outcome.card(reviewedAt: now, interval: interval)
    }

    /// Probability of recall at `date` (py-fsrs `get_card_retrievability`): 0 for a card never
    /// reviewed; whole days elapsed, never negative.
    public func retrievability(of card: CardMemory, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = Microseconds.wholeDays(Microseconds.since2001(date) - Microseconds.since2001(lastReview))
        return model.retrievability(elapsedDays: max(0, elapsed), stability: stability)
    }

    /// What each of the four buttons would do, for showing intervals on them. Intervals are the
    /// unfuzzed ones: fuzz is drawn when the answer is given.
    public func preview(_ card: CardMemory, at date: Date) -> [Rating: CardMemory] {
        let now = Microseconds.since2001(date)
        var result: [Rating: CardMemory] = [:]
        for rating in Rating.allCases {
            let outcome = schedule(card, rating: rating, now: now)
            result[rating] = outcome.card(reviewedAt: now, interval: outcome.interval)
        }
        return result
    }

    /// As `preview(_:at:)` but fuzzed: each button gets its own copy of `generator`, so a review
    /// made afterwards with that same generator state gives exactly the previewed card.
    public func preview<G: RandomNumberGenerator>(_ card: CardMemory, at date: Date, using generator: G) -> [Rating: CardMemory] {
        var result: [Rating: CardMemory] = [:]
        for rating in Rating.allCases {
            var copy = generator
            result[rating] = review(card, rating: rating, at: date, using: &copy)
        }
        return result
    }

    // MARK: - The state machine of `review_card`

    /// A review's result before fuzz: the new memory and the unfuzzed interval.
    struct Outcome {
        var state: CardState
        var step: Int?
        var stability: Double
        var difficulty: Double
        /// Microseconds until due.
        var interval: Int64
        /// The interval in days when the card ends in review (what fuzz works on).
        var intervalDays: Int

        func card(reviewedAt now: Int64, interval: Int64) -> CardMemory {
            CardMemory(state: state, step: step, stability: stability, difficulty: difficulty,
                       due: Microseconds.date(now + interval), lastReview: Microseconds.date(now))
        }
    }

    func schedule(_ card: CardMemory, rating: Rating, now: Int64) -> Outcome {
        // `days_since_last_review < 1`: same-day reviews use the short-term formula.
        var isSameDay = false
        var retrievability = 0.0
        if let lastReview = card.lastReview {
            let elapsed = Microseconds.wholeDays(now - Microseconds.since2001(lastReview))
            isSameDay = elapsed < 1
            if !isSameDay, let stability = card.stability {
                retrievability = model.retrievability(elapsedDays: elapsed, stability: stability)
            }
        }
        var stability: Double, difficulty: Double
        if let previousStability = card.stability, let previousDifficulty = card.difficulty {
            stability = isSameDay
                ? model.shortTermStability(previousStability, rating: rating)
                : model.nextStability(difficulty: previousDifficulty, stability: previousStability,
                                      retrievability: retrievability, rating: rating)
            difficulty = model.nextDifficulty(previousDifficulty, rating: rating)
        } else {
            // A new card (py-fsrs asserts this only happens in Learning; a damaged card restarts).
            stability = model.initialStability(rating)
            difficulty = model.initialDifficulty(rating)
        }

        var outcome = Outcome(state: card.state, step: card.step, stability: stability, difficulty: difficulty,
                              interval: 0, intervalDays: 0)
        switch card.state {
        case .learning:
            advance(&outcome, through: learningSteps, from: card.step ?? 0, rating: rating)
        case .relearning:
            advance(&outcome, through: relearningSteps, from: card.step ?? 0, rating: rating)
        case .review:
            if rating == .again, let firstStep = relearningSteps.first {
                outcome.state = .relearning
                outcome.step = 0
                outcome.interval = firstStep
            } else {
                // Hard/Good/Easy, or Again with no relearning steps: the card stays in review.
                graduate(&outcome)
            }
        }
        return outcome
    }

    /// Learning and relearning share one ladder of steps (py-fsrs repeats the code for each).
    private func advance(_ outcome: inout Outcome, through steps: [Int64], from step: Int, rating: Rating) {
        // The first test also covers a card scheduled earlier with more steps than there are now.
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            graduate(&outcome)
            return
        }
        switch rating {
        case .again:
            outcome.step = 0
            outcome.interval = steps[0]
        case .hard:
            outcome.step = step
            if step == 0 && steps.count == 1 {
                outcome.interval = Microseconds.divideRoundingHalfEven(steps[0] * 3, by: 2)  // step * 1.5
            } else if step == 0 {
                outcome.interval = Microseconds.divideRoundingHalfEven(steps[0] + steps[1], by: 2)
            } else {
                outcome.interval = steps[step]
            }
        case .good:
            if step + 1 == steps.count {
                graduate(&outcome)
            } else {
                outcome.step = step + 1
                outcome.interval = steps[step + 1]
            }
        case .easy:
            graduate(&outcome)
        }
    }

    private func graduate(_ outcome: inout Outcome) {
        outcome.state = .review
        outcome.step = nil
        outcome.intervalDays = model.nextInterval(stability: outcome.stability)
        outcome.interval = Int64(outcome.intervalDays) * Microseconds.perDay
    }
}

/// Settings that FSRS cannot use, every problem listed.
public struct FSRSParameterError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
