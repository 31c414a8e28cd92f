import Foundation
import Study
import Terminal

/// The quiz's conversation: shows a card, reads the answer, reveals, reads the rating, saves it.
/// Every rating is committed to the store before the next question is printed.
struct QuizRunner {
    enum Step { case next, quit }

    let env: CommandEnvironment
    let store: ReviewStore
    var catalog: CardCatalog
    /// Whole cards of the note files shown so far, by path: a body is parsed when its card is shown.
    var bodies: [String: [String: Card]] = [:]
    let clock: StudyClock
    var session: QuizSession
    var generator: SplitMix64
    /// Reads the catalog again (after `edit`).
    var reload: (() throws -> CardCatalog)?
    /// Cards of the quiz's selection in a freshly read catalog.
    var selection: ((CardCatalog) throws -> [CardSummary])?
    let sessionId = UUID().uuidString
    var judge: CommandJudge.Judge = CardCommands.commandJudge

    init(env: CommandEnvironment, store: ReviewStore, catalog: CardCatalog, clock: StudyClock,
         session: QuizSession, generator: SplitMix64) {
        self.env = env
        self.store = store
        self.catalog = catalog
        self.clock = clock
        self.session = session
        self.generator = generator
    }

    mutating func run() throws {
        while let next = session.next(at: clock.now()) {
            try Interrupt.check()
            guard let card = card(for: next) else {
                session.skip(next)
                env.err.line(env.style.warning("\(next.id) is no longer in \(next.path) (edited since the quiz started); skipped."))
                continue
            }
            if try ask(card) == .quit { return }
        }
    }

    /// The whole card for `summary`, parsing its note file the first time one of its cards is shown.
    private mutating func card(for summary: CardSummary) -> Card? {
        if bodies[summary.path] == nil {
            bodies[summary.path] = Dictionary(catalog.cards(inFile: summary.path).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return bodies[summary.path]?[summary.id]
    }

    private var prompt: String {
        let done = session.answers.count
        return "kubedrill quiz \(done + 1)/\(done + session.remaining)> "
    }

    private mutating func ask(_ card: Card) throws -> Step {
        let style = env.style
        let shownAt = clock.now()
        var order: [Int] = []
        if case .choice(_, let options, _) = card.body { order = ChoiceJudge.order(count: options.count, using: &generator) }
        env.out.line()
        env.out.line(style.dim("\(card.note) · \(card.kind.rawValue) · \(card.id)"))
        env.out.write(CardView.question(card, order: order, env: env))
        env.out.line(style.dim(CardView.instruction(card)))
        guard let line = env.input?.readLine(prompt: prompt) else { return .quit }
        var proposed: Rating?
        switch QuizInput.parse(line) {
        case .quit: return .quit
        case .skip:
            session.skip(card)
            env.out.line("Skipped.")
            return .next
        case .undo:
            try undo()
            return .next
        case .edit:
            try edit(card)
            return .next
        case .reveal:
            env.out.write(CardView.answer(card, order: order, env: env))
        case .rate, .text:
            env.out.write(CardView.answer(card, order: order, env: env))
            proposed = verdict(for: card, typed: line.trimmingCharacters(in: .whitespaces), order: order)
        }
        return try rate(card, proposed: proposed, shownAt: shownAt)
    }

    /// Judges a typed answer on choice and command cards; returns the proposed rating (Again when wrong).
    private func verdict(for card: Card, typed: String, order: [Int]) -> Rating? {
        let style = env.style
        switch card.body {
        case .choice(_, let options, _):
            guard let picks = ChoiceJudge.picks(typed, optionCount: options.count) else {
                env.out.line(style.warning("\"\(typed)\" is not a list of option numbers 1–\(options.count); rate yourself."))
                return nil
            }
            let verdict = ChoiceJudge.judge(picks: picks, shown: order.map { options[$0] })
            if verdict.isCorrect {
                env.out.line(style.color("✓ Right.", .green))
                return .good
            }
            var parts: [String] = []
            if !verdict.wrongPicks.isEmpty { parts.append("wrong: \(verdict.wrongPicks.map(String.init).joined(separator: ", "))") }
            if !verdict.missed.isEmpty { parts.append("missed: \(verdict.missed.map(String.init).joined(separator: ", "))") }
            env.out.line(style.error("✗ Not quite") + " (" + parts.joined(separator: "; ") + ").")
            return .again
        case .command(_, let accepted, _):
            let verdict = judge(typed, accepted)
            if verdict.isCorrect {
                env.out.line(style.color("✓ Right.", .green))
                return .good
            }
            env.out.line(style.error("✗ Not the same command") + (verdict.closest.map { " (closest accepted: \($0))" } ?? "") + ".")
            for difference in verdict.differences { env.out.line("  - " + difference) }
            return .again
        case .basic, .cloze:
            env.out.line(style.dim("Your answer: \(typed)"))
            return nil
        }
    }

    private mutating func rate(_ card: Card, proposed: Rating?, shownAt: Date) throws -> Step {
        let current = try store.schedule(for: card.id)
        // One instant for the preview and its labels, or a 1-minute step would read "<1m".
        let now = clock.now()
        let preview = StudyStore.schedule.preview(current, cardId: card.id, at: now)
        let buttons = Rating.allCases.map { rating -> String in
            let label = preview[rating].map { IntervalLabel.text(from: now, to: $0.due) } ?? "?"
            let text = "\(rating.rawValue) \(rating.name.lowercased()) (\(label))"
            return rating == proposed ? env.style.bold(text) : text
        }
        env.out.line(buttons.joined(separator: "  ") + (proposed.map { "   Enter = \($0.name.lowercased())" } ?? ""))
        while true {
            try Interrupt.check()
            guard let line = env.input?.readLine(prompt: prompt) else { return .quit }
            let input = QuizInput.parse(line)
            var rating: Rating?
            switch input {
            case .rate(let chosen): rating = chosen
            case .reveal: rating = proposed
            case .quit: return .quit
            case .skip:
                session.skip(card)
                env.out.line("Skipped.")
                return .next
            case .undo:
                try undo()
                return .next
            case .edit:
                try edit(card)
                return .next
            case .text: break
            }
            guard let rating else {
                env.out.line("Rate with 1–4 or a/h/g/e (again, hard, good, easy); undo, skip, edit or quit.")
                continue
            }
            let answeredAt = clock.now()
            let duration = max(0, Int(answeredAt.timeIntervalSince(shownAt) * 1000))
            let entry = try store.record(cardId: card.id, rating: rating.rawValue, at: answeredAt, durationMs: duration, session: sessionId)
            let due = Date(timeIntervalSince1970: entry.dueAfter)
            session.answered(card, entryId: entry.id ?? 0, rating: rating, durationMs: duration, due: due, at: answeredAt)
            env.out.line(env.style.dim("→ \(rating.name): next in \(IntervalLabel.text(from: answeredAt, to: due))."))
            return .next
        }
    }

    private mutating func undo() throws {
        guard let answer = session.undo() else {
            env.out.line("Nothing to undo in this quiz.")
            return
        }
        try store.undo(entryId: answer.entryId, at: clock.now(), session: sessionId)
        env.out.line("Undid \(answer.rating.name) on \(answer.cardId); it comes again now.")
    }

    /// Opens the card's file at its line in `$VISUAL`/`$EDITOR`, then reads the notes again.
    private mutating func edit(_ card: Card) throws {
        let file = card.path.hasPrefix("/") ? URL(fileURLWithPath: card.path)
            : catalog.directory.deletingLastPathComponent().appendingPathComponent(card.path)
        guard ExternalEditor.open(file, line: card.line, env: env) else { return }
        env.forgetLibraries()
        bodies = [:]
        if let reload { catalog = try reload() }
        if let selection { session.refresh(with: try selection(catalog)) }
        env.out.line("Notes read again.")
    }

    func printSummary(cards: [some CardFacts]) {
        let summary = session.summary
        let style = env.style
        var parts = ["\(summary.reviewed) reviewed"]
        if let percent = summary.recalledPercent { parts.append(String(format: "%.0f%% recalled", percent)) }
        if summary.skipped > 0 { parts.append("\(summary.skipped) skipped") }
        parts.append("time \(Self.duration(ms: summary.timeSpentMs))")
        let now = clock.now()
        if let schedules = try? store.schedules(), let next = QuizQueue.nextDue(cards: cards, schedules: schedules, after: now) {
            parts.append("next due in \(IntervalLabel.text(from: now, to: next))")
        }
        env.out.line()
        env.out.line(style.bold("Quiz done: ") + parts.joined(separator: " · ") + ".")
    }

    static func duration(ms: Int) -> String {
        let seconds = ms / 1000
        return seconds >= 60 ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds)s"
    }
}
