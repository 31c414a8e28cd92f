import Markdown
import Testing
@testable import Study

/// Builds a note from markdown text, as the loader would.
func makeNote(_ text: String, path: String = "Content/workloads/deployments.md") -> (Note, [ContentProblem]) {
    var problems: [ContentProblem] = []
    let note = ContentLoader.parse(text: text, path: path, relativeFolder: "workloads", problems: &problems)
    return (note, problems)
}

func parseCards(_ text: String) -> (cards: [Card], problems: [ContentProblem]) {
    let (note, _) = makeNote(text)
    return CardParser.cards(in: note)
}

@Suite("Card format")
struct CardParserTests {
    @Test("A basic card's first paragraph is the question and the blocks after it the answer")
    func basic() throws {
        let (cards, problems) = parseCards("""
            ---
            title: Deployments
            tags: [deployments, cka/workloads-scheduling]
            ---
            # Deployments

            > [!card] What does a Deployment add on top of a `ReplicaSet`? {#deploy-vs-rs tags=rollouts}
            >
            > Declarative updates:
            >
            > - rolling update
            > - rollback
            """)
        #expect(problems.isEmpty)
        let card = try #require(cards.first)
        #expect(card.id == "deploy-vs-rs")
        #expect(card.kind == .basic)
        #expect(card.line == 7)
        #expect(card.note == "deployments")
        #expect(card.tags == ["deployments", "cka/workloads-scheduling", "rollouts"])
        guard case .basic(let question, let answer) = card.body else { Issue.record("not basic"); return }
        #expect(InlineMarkdown.text(of: question) == "What does a Deployment add on top of a `ReplicaSet`?")
        #expect(answer.count == 2)
        #expect(card.hasTag("cka"))
        #expect(!card.hasTag("networking"))
    }

    @Test("A question of several blocks ends at a --- line after a blank > line")
    func thematicBreak() throws {
        let (cards, problems) = parseCards("""
            > [!card] Why does this Service select no pods? {#svc-no-endpoints}
            >
            > ```yaml fragment
            > selector: {app: Web}
            > ```
            >
            > ---
            >
            > Label values are case-sensitive.
            """)
        #expect(problems.isEmpty)
        guard case .basic(let question, let answer) = try #require(cards.first).body else { Issue.record("not basic"); return }
        #expect(question.count == 2)
        #expect(answer.map(\.plainText) == ["Label values are case-sensitive.\n"])
    }

    @Test("A --- right under text turns it into a heading, and lint says to add a blank > line")
    func setextPitfall() {
        let (cards, problems) = parseCards("""
            > [!card] Why? {#why-heading}
            >
            > Some manifest text
            > ---
            >
            > Because.
            """)
        #expect(cards.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("put a blank \">\" line before \"---\"") == true)
    }

    @Test("A choice card reads its options from a GFM task list, [x] marking right ones")
    func choice() throws {
        let (cards, problems) = parseCards("""
            > [!choice] Which restartPolicy values may a Job's pod template use? {#job-restart-policy}
            >
            > - [ ] Always
            > - [x] OnFailure
            > - [x] `Never`
            >
            > A Job's pods must end.
            """)
        #expect(problems.isEmpty)
        guard case .choice(_, let options, let explanation) = try #require(cards.first).body else { Issue.record("not choice"); return }
        #expect(options == [ChoiceOption(text: "Always", isCorrect: false), ChoiceOption(text: "OnFailure", isCorrect: true),
                            ChoiceOption(text: "`Never`", isCorrect: true)])
        #expect(explanation.count == 1)
    }

    @Test("A choice card without a task list or without any [x] is reported")
    func choiceProblems() {
        let noList = parseCards("> [!choice] Which? {#which}\n>\n> - Always\n> - Never\n")
        #expect(noList.cards.isEmpty)
        #expect(noList.problems.first?.message.contains("task list") == true)
        let noRight = parseCards("> [!choice] Which? {#which}\n>\n> - [ ] Always\n> - [ ] Never\n")
        #expect(noRight.cards.isEmpty)
        #expect(noRight.problems.first?.message.contains("no option is marked right") == true)
    }

    @Test("A cloze gives one card per number, with ids <id>-c1, <id>-c2")
    func cloze() throws {
        let (cards, problems) = parseCards("""
            > [!cloze] The {{c1::kube-scheduler}} assigns each new pod to a node; the {{c2::kubelet::node agent}} on that
            > node then starts its containers. {#sched-role}
            """)
        #expect(problems.isEmpty)
        #expect(cards.map(\.id) == ["sched-role-c1", "sched-role-c2"])
        guard case .cloze(let number, let text, _) = cards[1].body else { Issue.record("not cloze"); return }
        #expect(number == 2)
        #expect(text.masked(for: 2) == "The kube-scheduler assigns each new pod to a node; the **[node agent]** on that node then starts its containers.")
        #expect(text.answer(for: 1) == "kube-scheduler")
    }

    @Test("Cloze numbers with gaps and a cloze without deletions are reported")
    func clozeProblems() {
        let gap = parseCards("> [!cloze] The {{c1::a}} and {{c3::b}}. {#gappy}\n")
        #expect(gap.problems.first?.message.contains("missing c2") == true)
        let none = parseCards("> [!cloze] Nothing hidden. {#nothing}\n")
        #expect(none.problems.first?.message.contains("without deletions") == true)
        let malformed = parseCards("> [!cloze] The {{kubelet}} and {{c1::x}}. {#bad-cloze}\n")
        #expect(malformed.problems.first?.message.contains("malformed cloze") == true)
    }

    @Test("A command card accepts each line of its kubectl block")
    func command() throws {
        let (cards, problems) = parseCards("""
            > [!command] Roll Deployment `web` back. {#deploy-rollback}
            >
            > ```kubectl
            > kubectl rollout undo deployment/web
            > kubectl rollout undo deploy web
            > ```
            >
            > `--to-revision=N` picks an older one.
            """)
        #expect(problems.isEmpty)
        guard case .command(_, let accepted, let explanation) = try #require(cards.first).body else { Issue.record("not command"); return }
        #expect(accepted == ["kubectl rollout undo deployment/web", "kubectl rollout undo deploy web"])
        #expect(explanation.count == 1)
    }

    @Test("A command card without a kubectl block, or with a line the checker rejects, is reported at its line")
    func commandProblems() {
        let missing = parseCards("> [!command] Roll back. {#rb}\n>\n> ```sh\n> kubectl rollout undo deploy/web\n> ```\n")
        #expect(missing.problems.first?.message.contains("```kubectl") == true)
        let bad = parseCards("> [!command] Roll back. {#rb}\n>\n> ```kubectl\n> kubectl rollout undo deploy/web\n> helm rollback web\n> ```\n")
        #expect(bad.problems.first?.line == 5)
        #expect(bad.cards.isEmpty)
    }

    @Test("Missing ids, bad id characters, empty answers and unknown kinds are reported with fixes")
    func otherProblems() {
        let missing = parseCards("> [!card] What is a Pod?\n>\n> The smallest unit.\n")
        #expect(missing.problems.first?.message.contains("{#what-is-a-pod}") == true)
        let bad = parseCards("> [!card] What is a Pod? {#What_Pod}\n>\n> The smallest unit.\n")
        #expect(bad.problems.first?.message.contains("bad card id") == true)
        let empty = parseCards("> [!card] What is a Pod? {#pod}\n")
        #expect(empty.problems.first?.message.contains("empty answer") == true)
        let unknown = parseCards("> [!cards] What is a Pod? {#pod}\n>\n> x\n")
        #expect(unknown.problems.first?.message.contains("did you mean [!card]?") == true)
        let aside = parseCards("> [!tip] Not a card.\n")
        #expect(aside.problems.isEmpty && aside.cards.isEmpty)
    }

    @Test("An id inside a code span is not taken as the card's id")
    func idInCode() {
        let result = parseCards("> [!card] What does `{#x}` mean?\n>\n> Nothing.\n")
        #expect(result.cards.isEmpty)
        #expect(result.problems.first?.message.contains("no id") == true)
    }

    @Test("Duplicate ids across notes are reported naming both places")
    func duplicates() {
        let (first, _) = makeNote("> [!card] A? {#same}\n>\n> a\n", path: "Content/a.md")
        let (second, _) = makeNote("\n\n> [!card] B? {#same}\n>\n> b\n", path: "Content/b.md")
        let library = ContentLibrary(directory: .init(fileURLWithPath: "/tmp/Content"), notes: [first, second], problems: [])
        let deck = CardDeck(library: library)
        #expect(deck.cards.count == 1)
        #expect(deck.problems.map(\.description) == [
            "Content/b.md:3: error: duplicate card id \"same\": also used at Content/a.md:1; ids must be unique across Content/",
        ])
    }
}
