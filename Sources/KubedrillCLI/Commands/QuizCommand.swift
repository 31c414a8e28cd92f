import ArgumentParser
import Foundation
import Study

/// `quiz`: due cards first, then new ones up to the daily limit; each rating is saved at once.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Review due cards, then new ones (spaced repetition with FSRS).",
        discussion: """
            Enter reveals the answer (or type the answer: option numbers for a choice card, the command for a \
            command card). Rate with 1–4 or a/h/g/e (again, hard, good, easy); each button shows the interval it \
            gives. Also: undo (the last rating), skip, edit (open the card in $EDITOR), quit.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only cards with this tag (repeatable; `cka` matches `cka/networking`).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only cards of this note (its name, see `notes`).", valueName: "note"))
    var note: String?

    @Option(name: .customLong("new-limit"), help: ArgumentHelp("New cards per day.", valueName: "n"))
    var newLimit: Int = QuizLimits.default.newPerDay

    @Option(name: .customLong("review-limit"), help: ArgumentHelp("Reviews per day.", valueName: "n"))
    var reviewLimit: Int = QuizLimits.default.reviewsPerDay

    @Option(name: .long, help: ArgumentHelp("Pretend the time is this ISO 8601 instant (for tests and demos).", valueName: "time",
                                            visibility: .hidden))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("Seed for shuffling choice options (for tests).", valueName: "n", visibility: .hidden))
    var seed: UInt64?

    func validate() throws {
        if newLimit < 0 { throw ValidationError("--new-limit must be 0 or more.") }
        if reviewLimit < 0 { throw ValidationError("--review-limit must be 0 or more.") }
        if let now, StudyClock.parse(now) == nil { throw ValidationError("--now must be an ISO 8601 time such as 2026-05-01T09:00:00Z.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let clock = StudyClock(fixed: now.flatMap(StudyClock.parse))
        let catalog = try CardCommands.catalog(global: global, env: env)
        if !catalog.problems.isEmpty {
            env.err.line(env.style.warning("\(catalog.problems.count) card problem\(catalog.problems.count == 1 ? "" : "s") (those cards are left out): run `kubedrill lint`."))
        }
        let cards = try CardCommands.select(catalog, tags: tag, note: note)
        let store = try StudyStore.open(global: global, env: env, now: clock.now())
        let start = clock.now()
        let schedules = try store.schedules()
        let done = try store.dailyCounts(since: QuizQueue.dayStart(containing: start, timeZone: .current))
        let queue = QuizQueue.build(cards: cards, schedules: schedules, now: start,
                                    limits: QuizLimits(newPerDay: newLimit, reviewsPerDay: reviewLimit), doneToday: done)
        guard !queue.isEmpty else {
            var message = "Nothing to review now."
            if let next = QuizQueue.nextDue(cards: cards, schedules: schedules, after: start) {
                message += " Next card due in \(IntervalLabel.text(from: start, to: next))."
            } else if cards.isEmpty {
                message = "No cards to quiz: add [!card] callouts to the notes (see Content/README.md)."
            }
            env.out.line(message)
            return
        }
        var runner = QuizRunner(env: env, store: store, catalog: catalog, clock: clock,
                                session: QuizSession(cards: queue), generator: SplitMix64(seed: seed ?? UInt64.random(in: 0...UInt64.max)))
        runner.reload = { [global] in try CardCommands.catalog(global: global, env: env) }
        runner.selection = { catalog in try CardCommands.select(catalog, tags: tag, note: note) }
        try runner.run()
        runner.printSummary(cards: cards)
    }
}

/// The time the study commands use: the real clock, or a fixed instant given with `--now`.
struct StudyClock {
    var fixed: Date?
    func now() -> Date { fixed ?? Date() }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

/// Opening the review store with the FSRS scheduler, reporting a file moved aside.
enum StudyStore {
    static let schedule = FSRSSchedule()

    static func open(global: GlobalOptions, env: CommandEnvironment, now: Date) throws -> ReviewStore {
        let directory = try global.dataDirectory(env)
        let store: ReviewStore
        do {
            store = try ReviewStore(directory: directory, step: schedule.step, now: now)
        } catch let error as ReviewStoreError {
            throw UserError(error.description)
        } catch {
            throw UserError("cannot open \(directory.appendingPathComponent(ReviewStore.fileName).path): \(error)")
        }
        if let notice = store.notice { env.err.line(env.style.warning("warning: ") + notice) }
        return store
    }
}
