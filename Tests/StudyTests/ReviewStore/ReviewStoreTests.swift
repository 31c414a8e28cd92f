import Foundation
import GRDB
import Testing
@testable import Study

/// A predictable scheduler for store tests: each rating pushes the card `rating` days out.
let fakeStep: ScheduleStep = { current, cardId, rating, at in
    CardSchedule(cardId: cardId, state: rating == 1 ? 1 : 2, step: 0,
                 stability: (current?.stability ?? 0) + Double(rating), difficulty: 5,
                 due: at.timeIntervalSince1970 + Double(rating) * 86_400, lastReview: at.timeIntervalSince1970,
                 reps: (current?.reps ?? 0) + 1, lapses: (current?.lapses ?? 0) + (rating == 1 && current?.state == 2 ? 1 : 0),
                 lastEntryId: 0)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubedrill-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let day0 = Date(timeIntervalSince1970: 1_780_000_000)

@Suite("Review store")
struct ReviewStoreTests {
    @Test("A recorded rating is in the log and the schedule after the store is reopened")
    func durableAcrossReopen() throws {
        let dir = try temporaryDirectory()
        do {
            let store = try ReviewStore(directory: dir, step: fakeStep, now: day0)
            try store.record(cardId: "pod-basics", rating: 3, at: day0, durationMs: 1200, session: "s1")
        }
        let reopened = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        let entries = try reopened.allEntries()
        #expect(entries.count == 1)
        #expect(entries.first?.stateBefore == 0)
        #expect(entries.first?.stateAfter == 2)
        #expect(entries.first?.durationMs == 1200)
        #expect(try reopened.schedule(for: "pod-basics")?.due == day0.timeIntervalSince1970 + 3 * 86_400)
        #expect(reopened.notice == nil)
    }

    @Test("Undo appends a compensating row and replays the card's other reviews")
    func undo() throws {
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fakeStep, now: day0)
        try store.record(cardId: "a", rating: 3, at: day0, durationMs: 0, session: "s")
        let second = try store.record(cardId: "a", rating: 1, at: day0.addingTimeInterval(60), durationMs: 0, session: "s")
        let after = try store.undo(entryId: try #require(second.id), at: day0.addingTimeInterval(90), session: "s")
        #expect(after?.stability == 3)
        #expect(try store.schedule(for: "a") == after)
        let rows = try store.allEntries()
        #expect(rows.map(\.kind) == [.review, .review, .undo])
        #expect(rows.last?.undoes == second.id)
        #expect(try store.effectiveEntries().count == 1)
        #expect(throws: ReviewStoreError.self) { try store.undo(entryId: try #require(second.id), at: day0, session: "s") }
    }

    @Test("Undoing a new card's only review makes it new again")
    func undoToNew() throws {
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fakeStep, now: day0)
        let entry = try store.record(cardId: "a", rating: 4, at: day0, durationMs: 0, session: "s")
        #expect(try store.undo(entryId: try #require(entry.id), at: day0, session: "s") == nil)
        #expect(try store.schedule(for: "a") == nil)
    }

    @Test("The schema refuses ratings outside 1…4 and any update or delete of the log")
    func constraints() throws {
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fakeStep, now: day0)
        #expect(throws: ReviewStoreError.self) { try store.record(cardId: "a", rating: 5, at: day0, durationMs: 0, session: "s") }
        try store.record(cardId: "a", rating: 2, at: day0, durationMs: 0, session: "s")
        try store.reader.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO reviewLog (cardId, reviewedAt, rating, elapsedDays, stateBefore, stateAfter, stabilityAfter, difficultyAfter, dueAfter, durationMs, kind, session) VALUES ('a', 0, 5, 0, 0, 1, 0, 0, 0, 0, 'review', 's')")
            }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE reviewLog SET rating = 4") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM reviewLog") }
        }
        #expect(try store.allEntries().count == 1)
    }

    @Test("Rebuilding the schedules from the log gives the same rows the ratings wrote")
    func rebuildIsIdentical() throws {
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fakeStep, now: day0)
        var time = day0
        for index in 0..<60 {
            time = time.addingTimeInterval(3_600)
            let entry = try store.record(cardId: "card-\(index % 7)", rating: index % 4 + 1, at: time, durationMs: index, session: "s")
            if index % 9 == 0, let id = entry.id { try store.undo(entryId: id, at: time, session: "s") }
        }
        let before = try store.schedules()
        let check = try store.rebuild(write: false)
        #expect(check.changedCards.isEmpty)
        let report = try store.rebuild(write: true)
        #expect(report.changedCards.isEmpty)
        #expect(try store.schedules() == before)
    }

    @Test("A file that is not SQLite is moved aside under a timestamped name, never overwritten")
    func corruptFileMovedAside() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent(ReviewStore.fileName)
        let garbage = Data("this is not a database, it is my thesis".utf8)
        try garbage.write(to: file)
        let store = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        let notice = try #require(store.notice)
        #expect(notice.contains("not a SQLite database"))
        let aside = dir.appendingPathComponent("reviews.sqlite.corrupt-20260528T202640Z")
        #expect(notice.contains(aside.lastPathComponent))
        #expect(try Data(contentsOf: aside) == garbage)
        try store.record(cardId: "a", rating: 3, at: day0, durationMs: 0, session: "s")
        #expect(try store.allEntries().count == 1)
    }

    @Test("A damaged SQLite file is moved aside, a second one gets its own name")
    func damagedSQLite() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent(ReviewStore.fileName)
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += [UInt8](repeating: 0xAB, count: 4096)
        try Data(bytes).write(to: file)
        let first = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        #expect(first.notice != nil)
        try Data(bytes).write(to: dir.appendingPathComponent("other.sqlite"))
        let second = try ReviewStore(url: dir.appendingPathComponent("other.sqlite"), step: fakeStep, now: day0)
        #expect(second.notice?.contains("other.sqlite.corrupt-") == true)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".corrupt-") }
        #expect(names.count == 2)
    }

    @Test("Another program's SQLite database is reported and moved aside")
    func foreignDatabase() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent(ReviewStore.fileName)
        let foreign = try DatabaseQueue(path: file.path)
        try foreign.write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')") }
        try foreign.close()
        let store = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        #expect(store.notice?.contains("another program") == true)
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("reviews.sqlite.corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        let moved = try DatabaseQueue(path: dir.appendingPathComponent(try #require(aside.first)).path)
        #expect(try moved.read { try String.fetchAll($0, sql: "SELECT name FROM photos") } == ["cat"])
    }

    @Test("Two connections rating at once lose and duplicate nothing")
    func concurrentWriters() throws {
        let dir = try temporaryDirectory()
        let first = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        let second = try ReviewStore(directory: dir, step: fakeStep, now: day0)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let store = worker == 0 ? first : second
            for index in 0..<100 {
                _ = try? store.record(cardId: "card-\(index % 5)", rating: 3, at: day0.addingTimeInterval(Double(index)),
                                      durationMs: worker, session: "w\(worker)")
            }
        }
        let entries = try first.allEntries()
        #expect(entries.count == 200)
        #expect(Set(entries.compactMap(\.id)).count == 200)
        #expect(try first.schedules().values.map(\.reps).reduce(0, +) == 200)
    }
}
