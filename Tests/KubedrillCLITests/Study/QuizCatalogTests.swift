import Foundation
import Testing
@testable import KubedrillCLI

/// Lines typed into a quiz, with an action run before a given line is read (an edit made in
/// another window while the quiz waits).
final class InterleavedInput: LineInput {
    private var lines: [String]
    private var actions: [Int: () -> Void]
    private var read = 0

    init(_ lines: [String], before actions: [Int: () -> Void]) {
        self.lines = lines
        self.actions = actions
    }

    func readLine(prompt: String) -> String? {
        actions.removeValue(forKey: read)?()
        read += 1
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

@Suite("Quiz over the card catalog")
struct QuizCatalogTests {
    let now = ["--now", "2026-05-01T09:00:00Z"]

    @Test("A second quiz sees cards added and changed on disk since the first, without reload")
    func seesEdits() throws {
        let fixture = try StudyFixture(cards: 2)
        #expect(fixture.run(["quiz"] + now).out.contains("Question 1?"))
        let pods = fixture.content.appendingPathComponent("workloads/pods.md")
        let edited = try String(contentsOf: pods, encoding: .utf8).replacingOccurrences(of: "Question 1?", with: "Renamed question?")
        try edited.write(to: pods, atomically: true, encoding: .utf8)
        try fixture.write("# Services\n\n> [!card] What gives pods a stable name? {#svc-name}\n>\n> A Service.\n", to: "services.md")
        let cards = fixture.run(["cards", "--format", "json"])
        #expect(cards.out.contains("\"svc-name\""))
        #expect(fixture.run(["quiz", "--note", "pods"] + now).out.contains("Renamed question?"))
    }

    @Test("A card deleted from a note not yet shown while the quiz runs is skipped with a message; the others are still asked")
    func cardDeletedDuringQuiz() throws {
        let fixture = try StudyFixture(cards: 2)
        let card = "> [!card] Which object claims storage? {#pvc-what}\n>\n> A PersistentVolumeClaim.\n"
        try fixture.write("# Storage\n\n" + card, to: "workloads/storage.md")
        let storage = fixture.content.appendingPathComponent("workloads/storage.md")
        let env = CommandEnvironment.captured()
        // While the first card (pods.md) waits for its answer, the storage card goes from its file.
        let removeCard: () -> Void = { try? "# Storage\n\nNo cards yet.\n".write(to: storage, atomically: true, encoding: .utf8) }
        let input = InterleavedInput(["", "3", "", "3"], before: [0: removeCard])
        let shell = CommandEnvironment(out: env.out, err: env.err, input: input, variables: [:], stdoutIsTerminal: false, stdinIsTerminal: false)
        let status = KubedrillMain.run(arguments: ["quiz"] + now + ["--home", fixture.home.path, "--content", fixture.content.path], environment: shell)
        #expect(status == 0)
        #expect(shell.out.captured.contains("Question 1?") && shell.out.captured.contains("Question 2?"))
        #expect(!shell.out.captured.contains("Which object claims storage?"))
        #expect(shell.err.captured.contains("pvc-what is no longer in Content/workloads/storage.md"))
        #expect(shell.out.captured.contains("Quiz done: 2 reviewed"))
    }
}
