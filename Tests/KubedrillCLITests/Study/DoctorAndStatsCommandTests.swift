import Foundation
import GRDB
import Testing
@testable import KubedrillCLI
@testable import Study

@Suite("doctor, stats, export and import commands")
struct DoctorAndStatsCommandTests {
    let now = ["--now", "2026-05-01T09:00:00Z"]

    @Test("doctor --rebuild gives the schedules the quiz wrote; a damaged cache is found and repaired")
    func doctorRebuild() throws {
        let fixture = try StudyFixture(cards: 3)
        #expect(fixture.run(["quiz"] + now, input: ["", "3", "", "1", "", "4"]).status == 0)
        let queue = try DatabaseQueue(path: fixture.database.path)
        let written = try queue.read { try CardSchedule.order(Column("cardId")).fetchAll($0) }
        #expect(written.count == 3)
        let clean = fixture.run(["doctor", "--rebuild"])
        #expect(clean.status == 0)
        #expect(clean.out.contains("replaying the log gives exactly the cached schedules (rebuilt)"))
        #expect(try queue.read { try CardSchedule.order(Column("cardId")).fetchAll($0) } == written)
        try queue.write { try $0.execute(sql: "UPDATE cardSchedule SET due = 0 WHERE cardId = 'pod-q2'") }
        let check = fixture.run(["doctor"])
        #expect(check.status == 1)
        #expect(check.out.contains("1 cached schedule differs from the log (pod-q2)"))
        #expect(fixture.run(["doctor", "--rebuild"]).status == 0)
        #expect(try queue.read { try CardSchedule.order(Column("cardId")).fetchAll($0) } == written)
    }

    @Test("stats --format json holds the forecast, calendar, retention, states and mastery")
    func statsJSON() throws {
        let fixture = try StudyFixture(cards: 2)
        _ = fixture.run(["quiz"] + now, input: ["", "4"])
        let result = fixture.run(["stats", "--format", "json"] + now)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((json["forecast"] as? [Any])?.count == 30)
        #expect((json["heatmap"] as? [Any])?.count == 182)
        #expect((json["states"] as? [String: Int])?["new"] == 1)
        #expect(json["totalReviews"] as? Int == 1)
        #expect((json["notes"] as? [[String: Any]])?.first?["name"] as? String == "pods")
        #expect(fixture.run(["stats"] + now).out.contains("True retention"))
    }

    @Test("export then import through the command line makes a note whose cards export the same")
    func exportImport() throws {
        let fixture = try StudyFixture(cards: 2)
        let tsv = fixture.root.appendingPathComponent("deck.tsv")
        #expect(fixture.run(["export", "--output", tsv.path]).status == 0)
        #expect(fixture.run(["export", "--output", tsv.path]).status == 1)  // never overwrites without --force
        let other = try StudyFixture(cards: 0)
        let imported = other.run(["import", tsv.path])
        #expect(imported.status == 0)
        #expect(FileManager.default.fileExists(atPath: other.content.appendingPathComponent("imported/deck.md").path))
        #expect(other.run(["export"]).out == (try String(contentsOf: tsv, encoding: .utf8)))
        #expect(other.run(["import", tsv.path]).status == 1)  // the note exists: nothing is overwritten
    }
}
