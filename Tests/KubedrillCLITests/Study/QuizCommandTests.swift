import Foundation
import GRDB
import Testing
@testable import KubedrillCLI
@testable import Study

func logRows(_ database: URL) throws -> [ReviewLogEntry] {
    let queue = try DatabaseQueue(path: database.path)
    return try queue.read { try ReviewLogEntry.order(Column("id")).fetchAll($0) }
}

@Suite("quiz command")
struct QuizCommandTests {
    let now = ["--now", "2026-05-01T09:00:00Z", "--seed", "1"]

    @Test("Each rating is saved; undo appends a compensating row; the summary counts what was kept")
    func quizInProcess() throws {
        let fixture = try StudyFixture(cards: 3)
        let result = fixture.run(["quiz"] + now, input: ["", "3", "", "e", "undo", "", "1", "q"])
        #expect(result.status == 0)
        #expect(result.out.contains("Question 1?"))
        #expect(result.out.contains("1 again (1m)  2 hard (6m)  3 good (10m)"))
        #expect(result.out.contains("Undid Easy on pod-q2"))
        #expect(result.out.contains("Quiz done: 2 reviewed · 50% recalled"))
        let rows = try logRows(fixture.database)
        #expect(rows.map(\.kind) == [.review, .review, .undo, .review])
        #expect(rows.map(\.cardId) == ["pod-q1", "pod-q2", "pod-q2", "pod-q2"])
        #expect(rows.last?.rating == 1)
    }

    @Test("A new-card limit of 1 shows one card; the next quiz that day shows none")
    func dailyLimit() throws {
        let fixture = try StudyFixture(cards: 3)
        let first = fixture.run(["quiz", "--new-limit", "1"] + now, input: ["", "4"])
        #expect(first.out.contains("1 reviewed"))
        let second = fixture.run(["quiz", "--new-limit", "1"] + now, input: [])
        #expect(second.out.contains("Nothing to review now."))
    }

    @Test("A choice card judges the typed numbers and proposes Again when wrong")
    func choiceJudged() throws {
        let fixture = try StudyFixture(cards: 0, extra: "> [!choice] Pick? {#pick}\n>\n> - [x] right\n> - [ ] wrong\n")
        let result = fixture.run(["quiz"] + now, input: ["1 2", ""])
        #expect(result.out.contains("✗ Not quite"))
        #expect(result.out.contains("Enter = again"))
        #expect(try logRows(fixture.database).map(\.rating) == [1])
    }

    @Test("A corrupt database is reported and moved aside, and the quiz goes on")
    func corruptDatabase() throws {
        let fixture = try StudyFixture(cards: 1)
        try FileManager.default.createDirectory(at: fixture.home, withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: fixture.database)
        let result = fixture.run(["quiz"] + now, input: ["", "3"])
        #expect(result.err.contains("moved aside to reviews.sqlite.corrupt-20260501T090000Z"))
        #expect(try Data(contentsOf: fixture.home.appendingPathComponent("reviews.sqlite.corrupt-20260501T090000Z")) == Data("garbage".utf8))
        #expect(try logRows(fixture.database).count == 1)
    }

    @Test("edit opens $EDITOR at the card's line, then the quiz shows the edited card under the same id")
    func edit() throws {
        let fixture = try StudyFixture(cards: 2)
        let script = fixture.root.appendingPathComponent("editor.sh")
        let arguments = fixture.root.appendingPathComponent("editor-args")
        try "#!/bin/sh\necho \"$@\" > '\(arguments.path)'\nsed -i 's/Question 1?/Edited question?/' \"$2\"\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let result = fixture.run(["quiz"] + now, input: ["edit", "", "3"], variables: ["EDITOR": script.path])
        #expect(result.status == 0)
        let file = fixture.content.appendingPathComponent("workloads/pods.md").path
        #expect(try String(contentsOf: arguments, encoding: .utf8) == "+7 \(file)\n")
        #expect(result.out.contains("Edited question?"))
        #expect(try logRows(fixture.database).map(\.cardId) == ["pod-q1"])
    }
}
