import ArgumentParser
import Study

/// `lint`: every problem in the content as `file:line:column: severity: message`; exit 1 on errors.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check notes and cards; exit 1 when there are errors.",
        discussion: "Reports broken links, bad front matter, card problems (missing or duplicate ids, empty answers, malformed cards), and yaml blocks that fail manifest validation (mark partial ones `yaml fragment`, deliberate mistakes `yaml invalid`).")

    /// Every check lint runs. Areas add theirs here (manifest validation, exercises): one line each.
    static var checkers: [any ContentChecker] {
        [LoadingChecker(), CardChecker(commandCheck: CardCommands.commandCheck), ManifestBlockChecker()]
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    struct Report: Encodable {
        var problems: [Entry]
        var errors: Int
        var warnings: Int
        struct Entry: Encodable {
            var file: String
            var line: Int
            var column: Int?
            var severity: String
            var message: String
        }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let library = env.library(at: try global.contentDirectory())
        let problems = Lint.run(Self.checkers, on: library)
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        if output.isJSON {
            let entries = problems.map {
                Report.Entry(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message)
            }
            env.out.line(try JSONOutput.string(Report(problems: entries, errors: errors, warnings: warnings)))
        } else {
            let style = env.style
            for problem in problems {
                let label = problem.severity == .error ? style.error("error") : style.warning("warning")
                env.out.line("\(problem.location): \(label): \(problem.message)")
            }
            let cardCount = CardCommands.deck(library).cards.count
            let summary = "\(library.notes.count) notes, \(cardCount) cards: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            env.err.line(problems.isEmpty ? "\(summary). All good." : summary + ".")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}
