import Foundation
import Study

/// `kubedrill-bench fsrs [reviews]`: FSRS-6 reviews per second. Target ≥ 2,000,000/s; the
/// py-fsrs reference does about 19,000/s on the project machine.
///
/// A deck of 1,000 cards is studied in rounds; each card is reviewed a few hours after it comes
/// due with a fixed mix of answers (10% Again, 15% Hard, 65% Good, 10% Easy), so every branch
/// (learning, review, relearning, same-day and long-term formulas) runs. Fuzz off, as the
/// reference figure was measured; a second run with fuzz on (seeded) is printed for comparison.
enum FSRSBenchmark {
    static let benchmark = Benchmark(name: "fsrs", summary: "FSRS-6 reviews per second (target ≥ 2,000,000/s)") { arguments in
        let total = arguments.first.flatMap { Int($0) } ?? 5_000_000
        for fuzz in [false, true] {
            let (seconds, checksum) = run(reviews: total, fuzz: fuzz)
            let rate = Double(total) / seconds
            print("fsrs\(fuzz ? " (fuzz on)" : ""): \(total) reviews in \(String(format: "%.3f", seconds)) s → "
                  + "\(Int(rate).formatted()) reviews/s  [checksum \(String(format: "%.6g", checksum))]")
        }
    }

    /// Reviews `reviews` times over the deck; returns the elapsed seconds and a checksum that keeps
    /// the optimiser from discarding the work.
    static func run(reviews: Int, fuzz: Bool) -> (Double, Double) {
        let scheduler = FSRSScheduler(FSRSParameters(enableFuzzing: fuzz))
        let start = Date(timeIntervalSinceReferenceDate: 788_918_400)
        var deck = [CardMemory](repeating: .new(at: start), count: 1_000)
        var generator = PythonRandom(seed: 1)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checksum = 0.0
        let clock = ContinuousClock()
        let began = clock.now
        var done = 0
        while done < reviews {
            for index in deck.indices where done < reviews {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let draw = Int(state >> 33) % 100
                let rating: Rating = draw < 10 ? .again : draw < 25 ? .hard : draw < 90 ? .good : .easy
                let card = deck[index]
                let at = card.due.addingTimeInterval(Double(Int(state >> 40) % 12) * 3600)
                let next = fuzz ? scheduler.review(card, rating: rating, at: at, using: &generator)
                                : scheduler.review(card, rating: rating, at: at)
                checksum += next.stability ?? 0
                // Restart a card once it is years out, so the deck keeps a realistic mix of states.
                deck[index] = next.due.timeIntervalSince(start) > 86_400 * 3650 ? .new(at: at) : next
                done += 1
            }
        }
        let elapsed = clock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, checksum)
    }
}
