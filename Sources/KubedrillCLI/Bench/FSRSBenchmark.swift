import Foundation
import Study

/// `kubedrill-bench fsrs [reviews]`: FSRS-6 reviews per second. Target ≥ 2,000,000/s; the
/// py-fsrs reference does about 19,000/s on the project machine.
///
/// A deck of 1,000 cards is studied in rounds; each card is reviewed a few hours after it comes
/// due with a fixed mix of answers (10% Again, 15% Hard, 65% Good, 10% Easy), so every branch
/// (learning, review, relearning, same-day and long-term formulas) runs; a card is retired and
/// replaced by a new one once its interval passes five years. Fuzz off, as the reference figure
/// was measured; a run with fuzz on (seeded) is printed for comparison, and the mix of review
/// kinds is printed so the figure can be judged.
enum FSRSBenchmark {
    static let benchmark = Benchmark(name: "fsrs", summary: "FSRS-6 reviews per second (target ≥ 2,000,000/s)") { arguments in
        let total = arguments.first.flatMap { Int($0) } ?? 5_000_000
        print("review mix: " + mix(reviews: 200_000))
        for fuzz in [false, true] {
            let (seconds, checksum) = fuzz ? run(reviews: total, generator: PythonRandom(seed: 1)) : run(reviews: total, generator: nil)
            let rate = Double(total) / seconds
            print("fsrs\(fuzz ? " (fuzz on)" : ""): \(total) reviews in \(String(format: "%.3f", seconds)) s → "
                  + "\(Int(rate).formatted()) reviews/s  [checksum \(String(format: "%.6g", checksum))]")
        }
    }

    /// The deck's next review: which card, when, and with which answer.
    struct Workload {
        var deck: [CardMemory]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        init(start: Date) { deck = [CardMemory](repeating: .new(at: start), count: 1_000) }

        @inline(__always)
        mutating func next(_ index: Int) -> (Rating, Date) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Int(state >> 33) % 100
            let rating: Rating = draw < 10 ? .again : draw < 25 ? .hard : draw < 90 ? .good : .easy
            return (rating, deck[index].due.addingTimeInterval(Double(Int(state >> 40) % 12) * 3600))
        }

        @inline(__always)
        mutating func store(_ card: CardMemory, at index: Int, reviewedAt at: Date) {
            deck[index] = card.due.timeIntervalSince(at) > 86_400 * 365 * 5 ? .new(at: at) : card
        }
    }

    /// Reviews `reviews` times over the deck; returns the elapsed seconds and a checksum that keeps
    /// the optimiser from discarding the work. With a generator, fuzz is on and drawn from it.
    static func run(reviews: Int, generator: PythonRandom?) -> (Double, Double) {
        let scheduler = FSRSScheduler(FSRSParameters(enableFuzzing: generator != nil))
        var workload = Workload(start: Date(timeIntervalSinceReferenceDate: 788_918_400))
        var random = generator ?? PythonRandom(seed: 0)
        let fuzz = generator != nil
        var checksum = 0.0
        let clock = ContinuousClock()
        let began = clock.now
        var done = 0
        while done < reviews {
            for index in 0..<workload.deck.count where done < reviews {
                let (rating, at) = workload.next(index)
                let card = workload.deck[index]
                let next = fuzz ? scheduler.review(card, rating: rating, at: at, using: &random)
                                : scheduler.review(card, rating: rating, at: at)
                checksum += next.stability ?? 0
                workload.store(next, at: index, reviewedAt: at)
                done += 1
            }
        }
        let elapsed = clock.now - began
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, checksum)
    }

    /// Shares of the kinds of review the workload makes (untimed).
    static func mix(reviews: Int) -> String {
        let scheduler = FSRSScheduler(FSRSParameters(enableFuzzing: false))
        var workload = Workload(start: Date(timeIntervalSinceReferenceDate: 788_918_400))
        var counts: [String: Int] = [:]
        var done = 0
        while done < reviews {
            for index in 0..<workload.deck.count where done < reviews {
                let (rating, at) = workload.next(index)
                let card = workload.deck[index]
                let sameDay = card.lastReview.map { at.timeIntervalSince($0) < 86_400 } ?? false
                counts[card.stability == nil ? "new" : card.state.name + (sameDay ? " same-day" : " long-term"), default: 0] += 1
                workload.store(scheduler.review(card, rating: rating, at: at), at: index, reviewedAt: at)
                done += 1
            }
        }
        return counts.sorted { $0.value > $1.value }
            .map { "\($0.key) \(String(format: "%.1f", 100 * Double($0.value) / Double(reviews)))%" }
            .joined(separator: ", ")
    }
}
