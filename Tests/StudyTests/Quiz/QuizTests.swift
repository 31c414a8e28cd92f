import Foundation
import Testing
@testable import Study

func sampleCard(_ id: String, note: String = "pods", kind: CardKind = .basic) -> Card {
    let (doc, _) = makeNote("> [!card] Q? {#\(id)}\n>\n> A.\n")
    let body: CardBody
    if case .basic = kind, let card = CardParser.cards(in: doc).cards.first { body = card.body } else { body = .basic(question: [], answer: []) }
    return Card(id: id, kind: kind, body: body, note: note, path: "Content/\(note).md", line: 1, tags: [note])
}

func schedule(_ id: String, state: CardState, due: Date) -> CardSchedule {
    CardSchedule(cardId: id, state: state.rawValue, step: state == .review ? nil : 0, stability: 3, difficulty: 5,
                 due: due.timeIntervalSince1970, lastReview: due.timeIntervalSince1970 - 86_400, reps: 1, lapses: 0, lastEntryId: 1)
}

@Suite("Quiz")
struct QuizTests {
    @Test("Due cards come first (learning, then reviews oldest first), then new cards in note order up to the daily limit")
    func queueOrder() {
        let cards = ["new-1", "rev-late", "new-2", "learn", "rev-early", "future", "new-3"].map { sampleCard($0) }
        let schedules = [
            "rev-late": schedule("rev-late", state: .review, due: day0.addingTimeInterval(-60)),
            "rev-early": schedule("rev-early", state: .review, due: day0.addingTimeInterval(-86_400)),
            "learn": schedule("learn", state: .learning, due: day0.addingTimeInterval(-10)),
            "future": schedule("future", state: .review, due: day0.addingTimeInterval(3_600)),
        ]
        let queue = QuizQueue.build(cards: cards, schedules: schedules, now: day0,
                                    limits: QuizLimits(newPerDay: 2, reviewsPerDay: 200), doneToday: (0, 0))
        #expect(queue.map(\.id) == ["learn", "rev-early", "rev-late", "new-1", "new-2"])
        let later = QuizQueue.build(cards: cards, schedules: schedules, now: day0,
                                    limits: QuizLimits(newPerDay: 2, reviewsPerDay: 1), doneToday: (1, 0))
        #expect(later.map(\.id) == ["learn", "rev-early", "new-1"])
        #expect(QuizQueue.nextDue(cards: cards, schedules: schedules, after: day0) == day0.addingTimeInterval(3_600))
    }

    @Test("A card rated Again comes back in the same quiz once its learning step is near; undo shows it again first")
    func sessionLearnAheadAndUndo() throws {
        let a = sampleCard("a"), b = sampleCard("b")
        var session = QuizSession(cards: [a, b])
        #expect(session.next(at: day0)?.id == "a")
        session.answered(a, entryId: 1, rating: .again, durationMs: 4_000, due: day0.addingTimeInterval(60), at: day0)
        #expect(session.next(at: day0)?.id == "b")
        session.answered(b, entryId: 2, rating: .good, durationMs: 2_000, due: day0.addingTimeInterval(86_400 * 3), at: day0)
        #expect(session.next(at: day0)?.id == "a")
        let undone = session.undo()
        #expect(undone?.cardId == "b")
        #expect(session.next(at: day0)?.id == "b")
        #expect(session.summary == QuizSession.Summary(reviewed: 1, recalled: 0, skipped: 0, timeSpentMs: 4_000))
        session.skip(b)
        session.answered(a, entryId: 3, rating: .good, durationMs: 1_000, due: day0.addingTimeInterval(86_400), at: day0)
        #expect(session.next(at: day0) == nil)
        #expect(session.summary.recalledPercent == 50)
    }

    @Test("Typed ratings, commands and choice picks are told apart")
    func inputs() {
        #expect(QuizInput.parse("") == .reveal)
        #expect(QuizInput.parse("g") == .rate(.good))
        #expect(QuizInput.parse("4") == .rate(.easy))
        #expect(QuizInput.parse(" undo ") == .undo)
        #expect(QuizInput.parse("kubectl get pods") == .text("kubectl get pods"))
        #expect(ChoiceJudge.picks("1 3", optionCount: 4) == [1, 3])
        #expect(ChoiceJudge.picks("13", optionCount: 4) == [1, 3])
        #expect(ChoiceJudge.picks("1,5", optionCount: 4) == nil)
        let shown = [ChoiceOption(text: "a", isCorrect: true), ChoiceOption(text: "b", isCorrect: false), ChoiceOption(text: "c", isCorrect: true)]
        #expect(ChoiceJudge.judge(picks: [1, 3], shown: shown).isCorrect)
        let wrong = ChoiceJudge.judge(picks: [1, 2], shown: shown)
        #expect(!wrong.isCorrect && wrong.wrongPicks == [2] && wrong.missed == [3])
        #expect(IntervalLabel.text(from: day0, to: day0.addingTimeInterval(600)) == "10m")
        // A 1-minute learning step a hair under 60 s (microsecond time) still reads 1m.
        #expect(IntervalLabel.text(from: day0, to: day0.addingTimeInterval(59.9999995)) == "1m")
        #expect(IntervalLabel.text(from: day0, to: day0.addingTimeInterval(20)) == "<1m")
        #expect(IntervalLabel.text(from: day0, to: day0.addingTimeInterval(86_400 * 4)) == "4d")
    }

    @Test("Choice options are shuffled by the seeded generator, the same seed giving the same order")
    func shuffle() {
        var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7)
        let orders = (0..<20).map { _ in ChoiceJudge.order(count: 5, using: &first) }
        #expect(orders == (0..<20).map { _ in ChoiceJudge.order(count: 5, using: &second) })
        #expect(Set(orders.map { $0 }).count > 1)
        #expect(orders.allSatisfy { $0.sorted() == [0, 1, 2, 3, 4] })
    }

    @Test("Replaying the log through FSRS, fuzz included, gives exactly the schedules the ratings wrote")
    func fsrsRebuildIsIdentical() throws {
        let fsrs = FSRSSchedule()
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fsrs.step, now: day0)
        var time = day0
        for round in 0..<40 {
            for card in 0..<5 {
                let rating = (round * 7 + card * 3) % 4 + 1
                let entry = try store.record(cardId: "card-\(card)", rating: rating, at: time, durationMs: 1_000, session: "s")
                if round % 11 == 3, let id = entry.id { try store.undo(entryId: id, at: time, session: "s") }
                time = time.addingTimeInterval(Double(1_000 + round * 5_000 + card * 777) + 0.123)
            }
            time = time.addingTimeInterval(86_400 * Double(round % 5))
        }
        let cached = try store.schedules()
        #expect(cached.values.contains { $0.state == CardState.review.rawValue })
        #expect(try store.rebuild(write: true).changedCards.isEmpty)
        #expect(try store.schedules() == cached)
    }

    @Test("The intervals shown on the buttons are the ones a press gives")
    func previewMatchesRating() throws {
        let fsrs = FSRSSchedule()
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fsrs.step, now: day0)
        var time = day0
        for _ in 0..<4 {
            try store.record(cardId: "x", rating: 3, at: time, durationMs: 0, session: "s")
            time = time.addingTimeInterval(86_400 * 9)
        }
        let preview = fsrs.preview(try store.schedule(for: "x"), cardId: "x", at: time)
        let entry = try store.record(cardId: "x", rating: 4, at: time, durationMs: 0, session: "s")
        #expect(preview[.easy]?.due.timeIntervalSince1970 == entry.dueAfter)
    }

    @Test("A card whose text changed or that moved to another note keeps its history: the id is the key")
    func historySurvivesEdits() throws {
        let store = try ReviewStore(directory: try temporaryDirectory(), step: FSRSSchedule().step, now: day0)
        let (before, _) = makeNote("> [!card] Old question? {#stable-id}\n>\n> Old answer.\n", path: "Content/pods.md")
        let card = try #require(CardParser.cards(in: before).cards.first)
        try store.record(cardId: card.id, rating: 3, at: day0, durationMs: 0, session: "s")
        let (moved, _) = makeNote("# Services\n\n> [!card] New wording? {#stable-id}\n>\n> New answer.\n", path: "Content/services.md")
        let movedCard = try #require(CardParser.cards(in: moved).cards.first)
        #expect(movedCard.note == "services")
        let schedules = try store.schedules()
        #expect(schedules[movedCard.id] != nil)
        let queue = QuizQueue.build(cards: [movedCard], schedules: schedules, now: day0, limits: .default, doneToday: (0, 0))
        #expect(queue.isEmpty)  // not new again: it is learning, due in minutes
        // Deleted from the notes: its rows stay in the log and come back if the card returns.
        let deck = CardDeck(cards: [], problems: [])
        #expect(deck.cards.isEmpty)
        #expect(try store.effectiveEntries(cardId: "stable-id").count == 1)
    }
}
