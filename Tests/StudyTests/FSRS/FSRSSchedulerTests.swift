import Foundation
import Testing
@testable import Study

@Suite("FSRS scheduler behaviour beyond the oracle vectors")
struct FSRSSchedulerTests {
    let start = Date(timeIntervalSinceReferenceDate: 788_918_400)  // 2026-01-01T00:00:00Z

    @Test("Defaults are py-fsrs 6.3.2's: 21 weights, 0.9 retention, steps 1m/10m and 10m, 36,500 days, fuzz on")
    func defaults() {
        let parameters = FSRSParameters.default
        #expect(parameters.weights.count == 21 && parameters.weights[20] == 0.1542)
        #expect(parameters.desiredRetention == 0.9)
        #expect(parameters.learningSteps == [60, 600] && parameters.relearningSteps == [600])
        #expect(parameters.maximumInterval == 36_500 && parameters.enableFuzzing)
        #expect(parameters.problems.isEmpty)
    }

    @Test("preview shows, for each button, exactly what review would do")
    func previewMatchesReview() throws {
        let scheduler = FSRSScheduler(FSRSParameters(enableFuzzing: false))
        var card = CardMemory.new(at: start)
        var now = start
        for rating in [Rating.good, .good, .hard, .again, .good, .easy] {
            let preview = scheduler.preview(card, at: now)
            #expect(preview.count == 4)
            for option in Rating.allCases {
                #expect(preview[option] == scheduler.review(card, rating: option, at: now))
            }
            card = scheduler.review(card, rating: rating, at: now)
            now = card.due.addingTimeInterval(3600)
        }
    }

    @Test("A fuzzed preview with a generator matches the review made with the same generator state")
    func fuzzedPreviewMatchesReview() throws {
        let scheduler = FSRSScheduler(.default)
        var card = CardMemory.new(at: start)
        var first = PythonRandom(seed: 0)
        card = scheduler.review(card, rating: .easy, at: start, using: &first)
        let later = card.due
        let generator = PythonRandom(seed: 99)
        let preview = scheduler.preview(card, at: later, using: generator)
        for rating in Rating.allCases {
            var copy = generator
            #expect(preview[rating] == scheduler.review(card, rating: rating, at: later, using: &copy))
        }
    }

    @Test("Retrievability is 0 for a new card, 1 on the review day, and falls with whole elapsed days")
    func retrievabilityShape() {
        let scheduler = FSRSScheduler(FSRSParameters(enableFuzzing: false))
        let new = CardMemory.new(at: start)
        #expect(scheduler.retrievability(of: new, at: start) == 0)
        let card = scheduler.review(new, rating: .good, at: start)
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(86_399)) == 1)
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(-86_400 * 3)) == 1)
        let one = scheduler.retrievability(of: card, at: start.addingTimeInterval(86_400))
        let two = scheduler.retrievability(of: card, at: start.addingTimeInterval(86_400 * 2))
        #expect(one < 1 && two < one)
        // At S days the forgetting curve passes through 90% by construction.
        let stability = card.stability ?? 0
        let atStability = FSRSModel(scheduler.parameters).retrievability(elapsedDays: 1, stability: 1)
        #expect(abs(atStability - 0.9) < 1e-12 && stability == 2.3065)
    }

    @Test("Out-of-range settings are refused with py-fsrs's messages")
    func validation() {
        var parameters = FSRSParameters.default
        parameters.weights[6] = 100
        parameters.weights[10] = -42
        #expect(parameters.problems == [
            "parameters[6] = 100.0 is out of bounds: (0.001, 4.0)",
            "parameters[10] = -42.0 is out of bounds: (0.001, 3.5)",
        ])
        #expect(throws: FSRSParameterError.self) { try FSRSScheduler.validated(parameters) }
        #expect(FSRSParameters(weights: Array(FSRSParameters.defaultWeights.dropLast())).problems
                == ["Expected 21 parameters, got 20."])
        #expect(FSRSParameters(desiredRetention: 1.2).problems.count == 1)
        #expect(FSRSParameters(maximumInterval: 0).problems.count == 1)
        #expect(FSRSParameters(learningSteps: [-60]).problems.count == 1)
    }

    @Test("Empty learning steps graduate at once; empty relearning steps keep a lapsed card in review")
    func emptySteps() {
        let scheduler = FSRSScheduler(FSRSParameters(learningSteps: [], relearningSteps: [], enableFuzzing: false))
        let card = scheduler.review(.new(at: start), rating: .again, at: start)
        #expect(card.state == .review && card.step == nil)
        let later = card.due
        let lapsed = scheduler.review(card, rating: .again, at: later)
        #expect(lapsed.state == .review && lapsed.due.timeIntervalSince(later) >= 86_400)
    }

    @Test("A card left with more learning steps than the scheduler has graduates on Hard, Good or Easy")
    func stepBeyondSchedule() {
        let scheduler = FSRSScheduler(FSRSParameters(learningSteps: [60], enableFuzzing: false))
        let card = CardMemory(state: .learning, step: 3, stability: 2, difficulty: 5, due: start, lastReview: start)
        #expect(scheduler.review(card, rating: .hard, at: start).state == .review)
        let again = scheduler.review(card, rating: .again, at: start)
        #expect(again.state == .learning && again.step == 0 && again.due == start.addingTimeInterval(60))
    }

    @Test("Cards and settings survive a JSON round trip, for storing them")
    func codableRoundTrip() throws {
        let scheduler = FSRSScheduler(FSRSParameters(learningSteps: [30, 300], enableFuzzing: false))
        let card = scheduler.review(.new(at: start), rating: .good, at: start)
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        #expect(try decoder.decode(CardMemory.self, from: encoder.encode(card)) == card)
        #expect(try decoder.decode(FSRSParameters.self, from: encoder.encode(scheduler.parameters)) == scheduler.parameters)
        #expect(try decoder.decode(Rating.self, from: Data("3".utf8)) == .good)
    }

    @Test("Timestamps parse and print as the oracle writes them, to the microsecond")
    func timestamps() throws {
        #expect(FSRSTimestamp.parse("2026-01-01T00:00:00Z") == start)
        #expect(FSRSTimestamp.format(start) == "2026-01-01T00:00:00Z")
        let fraction = try #require(FSRSTimestamp.parse("2024-02-29T23:59:59.123456Z"))
        #expect(FSRSTimestamp.format(fraction) == "2024-02-29T23:59:59.123456Z")
        #expect(FSRSTimestamp.parse("2026-01-01T02:00:00+02:00") == start)
        #expect(FSRSTimestamp.format(try #require(FSRSTimestamp.parse("1999-12-31T23:00:00.5Z"))) == "1999-12-31T23:00:00.500000Z")
        for bad in ["2026-02-30T00:00:00Z", "2026-01-01 00:00", "2026-01-01T00:00:00", "yesterday", "2026-13-01T00:00:00Z"] {
            #expect(FSRSTimestamp.parse(bad) == nil, "\(bad)")
        }
    }
}
