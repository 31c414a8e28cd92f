import ArgumentParser
import Foundation
import Study

/// `fsrs simulate`: replays one scenario and prints the card after each review, so instructors
/// can compare settings. The input is one case of the oracle format (`fsrs-vectors.json`).
struct FSRSSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay reviews of one card and print the card after each, as JSON.",
        discussion: """
            Reads one case as JSON on standard input, in the format of the FSRS
            reference vectors (settings left out take py-fsrs's defaults):

              {"parameters": "default",  (or a list of 21 numbers)
               "desired_retention": 0.9,
               "learning_steps_minutes": [1, 10],
               "relearning_steps_minutes": [10],
               "maximum_interval": 36500,
               "reviews": [{"at": "2026-01-01T00:00:00Z", "rating": 3}]}

            Ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. Any "expect" is ignored.
            Prints a JSON array with, for each review: at, rating, due,
            stability, difficulty, state, step, retrievability_at_review.
            Fuzz is off, as in the reference, unless --fuzz-seed is given.
            """)

    @Option(name: .long, help: ArgumentHelp(
        "Fuzz review intervals as users get them, drawing from Python's generator seeded with this number (as random.seed(n)).",
        valueName: "n"))
    var fuzzSeed: UInt64?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = CommandEnvironment.current
        if env.stdinIsTerminal {
            env.err.line("Reading a case from standard input (end with Ctrl-D); usually: kubedrill fsrs simulate < case.json")
        }
        var lines: [String] = []
        while let line = env.input?.readLine(prompt: "") { lines.append(line) }
        let text = lines.joined(separator: "\n")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("no case on standard input. Usage: kubedrill fsrs simulate < case.json")
        }
        var scenario: FSRSCase
        do {
            scenario = try FSRSCase.decode(Data(text.utf8))
        } catch let error as FSRSCaseError {
            throw UserError("cannot read the case: \(error.message)")
        }
        var generator = PythonRandom(seed: fuzzSeed ?? 0)
        scenario.parameters.enableFuzzing = fuzzSeed != nil
        let results: [SimulatedReview]
        do {
            results = try scenario.simulate(using: &generator)
        } catch let error as FSRSParameterError {
            throw UserError("the case's settings cannot be used:\n" + error.problems.map { "  " + $0 }.joined(separator: "\n"))
        }
        env.out.line(try JSONOutput.string(results))
    }
}
