import Foundation
import Testing
@testable import Study

@Suite("FSRS-6 agrees with py-fsrs 6.3.2 (fuzzing off) on every oracle review")
struct FSRSVectorTests {
    @Test("The fixture holds the reference's 34 cases and 270 reviews")
    func fixtureIsComplete() throws {
        let file = try #require(FSRSOracle.file)
        #expect(file.cases.count == 34)
        #expect(file.cases.reduce(0) { $0 + $1.reviews.count } == 270)
    }

    @Test("Each review gives the reference's due, state, step, stability, difficulty and retrievability",
          arguments: FSRSOracle.caseNames)
    func caseMatchesReference(name: String) throws {
        let expected = try #require(FSRSOracle.expected(name))
        let setup = try FSRSCase.decode(try #require(try FSRSOracle.caseJSON(name)))
        let scheduler = FSRSScheduler(setup.parameters)
        #expect(!scheduler.parameters.enableFuzzing)
        var card = CardMemory.new(at: try #require(setup.reviews.first).at)
        for (index, review) in expected.reviews.enumerated() {
            let at = try #require(FSRSTimestamp.parse(review.at))
            let rating = try #require(Rating(rawValue: review.rating))
            let want = review.expect
            let label = "\(name) review \(index + 1) (\(rating.name) at \(review.at))"

            let before = scheduler.retrievability(of: card, at: at)
            #expect(FSRSOracle.close(before, want.retrievabilityAtReview), "\(label): R at review \(before) ≠ \(want.retrievabilityAtReview)")

            card = scheduler.review(card, rating: rating, at: at)
            #expect(FSRSTimestamp.format(card.due) == want.due, "\(label): due")
            #expect(card.due == FSRSTimestamp.parse(want.due), "\(label): due as a Date")
            #expect(card.state.name == want.state, "\(label): state")
            #expect(card.step == want.step, "\(label): step")
            #expect(FSRSOracle.close(card.stability, want.stability), "\(label): stability \(card.stability ?? .nan) ≠ \(want.stability)")
            #expect(FSRSOracle.close(card.difficulty, want.difficulty), "\(label): difficulty \(card.difficulty ?? .nan) ≠ \(want.difficulty)")
            #expect(card.lastReview == at, "\(label): last review")
            #expect(want.retrievability.count == 7, "\(label): the README promises seven probes")
            for probe in want.retrievability {
                let probeAt = try #require(FSRSTimestamp.parse(probe.at))
                let value = scheduler.retrievability(of: card, at: probeAt)
                #expect(FSRSOracle.close(value, probe.value), "\(label): R at \(probe.at) \(value) ≠ \(probe.value)")
            }
        }
    }

    @Test("FSRSCase.simulate replays a case exactly as reviewing card by card does", arguments: FSRSOracle.caseNames)
    func simulationMatchesReference(name: String) throws {
        let expected = try #require(FSRSOracle.expected(name))
        let setup = try FSRSCase.decode(try #require(try FSRSOracle.caseJSON(name)))
        var generator = PythonRandom(seed: 0)
        let results = try setup.simulate(using: &generator)
        #expect(results.count == expected.reviews.count)
        for (result, review) in zip(results, expected.reviews) {
            #expect(FSRSTimestamp.format(result.card.due) == review.expect.due)
            #expect(FSRSOracle.close(result.card.stability, review.expect.stability))
            #expect(FSRSOracle.close(result.retrievabilityAtReview, review.expect.retrievabilityAtReview))
        }
    }
}
