import ArgumentParser
import Foundation
import Study

/// `doctor`: checks the review database; `--rebuild` recomputes every card's schedule from the log.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the review history; --rebuild recomputes card schedules from the review log.",
        discussion: "The review log is the source of truth; the schedule table is a cache of it. A rebuild replays every review with FSRS and must give the same schedules.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "Replace the cached schedules with the ones replayed from the log.")
    var rebuild = false

    struct Report: Encodable {
        var database: String
        var reviews: Int
        var scheduledCards: Int
        /// Cards whose cached schedule differed from the replayed one.
        var differingCards: [String]
        var rebuilt: Bool
        /// Card ids with history that no note declares any more (kept, in case they come back).
        var cardsNotInNotes: [String]
        var contentProblems: Int
    }

    func run() throws {
        let env = CommandEnvironment.current
        let store = try StudyStore.open(global: global, env: env, now: Date())
        let integrity = try store.integrityProblems()
        if !integrity.isEmpty {
            env.err.line(env.style.error("error") + ": SQLite finds \(store.url.path) damaged: \(integrity.prefix(5).joined(separator: "; ")). "
                         + "Copy it somewhere safe; moving it away makes kubedrill start a new history.")
            throw ExitCode.failure
        }
        let result = try store.rebuild(write: rebuild)
        var orphans: [String] = []
        var problemCount = 0
        if let directory = try? global.contentDirectory() {
            let library = env.library(at: directory)
            let deck = CardCommands.deck(library)
            let known = Set(deck.cards.map(\.id))
            orphans = try store.schedules().keys.filter { !known.contains($0) }.sorted()
            problemCount = Lint.run(LintCommand.checkers, on: library).count
        }
        let report = Report(database: store.url.path, reviews: result.entryCount, scheduledCards: result.cardCount,
                            differingCards: result.changedCards, rebuilt: rebuild, cardsNotInNotes: orphans, contentProblems: problemCount)
        if output.isJSON {
            env.out.line(try JSONOutput.string(report))
        } else {
            let style = env.style
            env.out.line("Review database: \(report.database)")
            env.out.line("  \(report.reviews) reviews, \(report.scheduledCards) cards with a schedule.")
            if report.differingCards.isEmpty {
                env.out.line("  " + style.color("✓", .green) + " replaying the log gives exactly the cached schedules" + (rebuild ? " (rebuilt)." : "."))
            } else if rebuild {
                env.out.line("  Rebuilt: \(report.differingCards.count) card schedule\(report.differingCards.count == 1 ? "" : "s") corrected (\(report.differingCards.prefix(5).joined(separator: ", "))).")
            } else {
                env.out.line("  " + style.error("✗") + " \(report.differingCards.count) cached schedule\(report.differingCards.count == 1 ? " differs" : "s differ") from the log (\(report.differingCards.prefix(5).joined(separator: ", "))): run `kubedrill doctor --rebuild`.")
            }
            if !orphans.isEmpty {
                env.out.line("  \(orphans.count) card id\(orphans.count == 1 ? "" : "s") with history \(orphans.count == 1 ? "is" : "are") in no note (kept, in case \(orphans.count == 1 ? "it comes" : "they come") back): \(orphans.prefix(5).joined(separator: ", ")).")
            }
            if problemCount > 0 { env.out.line("  \(problemCount) content problem\(problemCount == 1 ? "" : "s"): run `kubedrill lint`.") }
        }
        if !rebuild && !report.differingCards.isEmpty { throw ExitCode.failure }
    }
}
