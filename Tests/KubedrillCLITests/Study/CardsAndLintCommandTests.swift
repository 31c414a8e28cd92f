import Foundation
import Testing
@testable import KubedrillCLI

@Suite("cards and lint commands")
struct CardsAndLintCommandTests {
    @Test("cards --format json lists id, kind, note, tags and file:line")
    func cardsJSON() throws {
        let fixture = try StudyFixture(cards: 2)
        let result = fixture.run(["cards", "--format", "json"])
        #expect(result.status == 0)
        struct Entry: Decodable, Equatable { var id, kind, note, file: String; var tags: [String]; var line: Int }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(result.out.utf8))
        #expect(entries == [
            Entry(id: "pod-q1", kind: "card", note: "pods", file: "Content/workloads/pods.md", tags: ["pods", "cka/workloads-scheduling"], line: 7),
            Entry(id: "pod-q2", kind: "card", note: "pods", file: "Content/workloads/pods.md", tags: ["pods", "cka/workloads-scheduling"], line: 11),
        ])
        #expect(fixture.run(["cards", "--tag", "networking"]).status == 1)
        #expect(fixture.run(["cards", "--tag", "pod"]).err.contains("Did you mean \"pods\"?"))
    }

    @Test("lint reports each problem as file:line and exits 1 when there are errors")
    func lintErrors() throws {
        let fixture = try StudyFixture(cards: 1, extra: "> [!card] Again? {#pod-q1}\n>\n> dup\n\n> [!choise] Which? {#w}\n\n> [!card] No id\n>\n> x\n")
        let result = fixture.run(["lint"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("Content/workloads/pods.md:11: error: duplicate card id \"pod-q1\": also used at Content/workloads/pods.md:7; ids must be unique across Content/"))
        #expect(lines.contains { $0.hasPrefix("Content/workloads/pods.md:15:1: error: unknown callout kind [!choise] (did you mean [!choice]?)") })
        #expect(lines.contains { $0.hasPrefix("Content/workloads/pods.md:17:1: error: card has no id") })
        let clean = try StudyFixture(cards: 2)
        #expect(clean.run(["lint"]).status == 0)
    }
}
