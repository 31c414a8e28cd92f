import Foundation
import Testing
@testable import Study

@Suite("Stats")
struct StatsTests {
    let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("Forecast, calendar, true retention, states and mastery come from the log and the schedules")
    func stats() throws {
        let fsrs = FSRSSchedule()
        let store = try ReviewStore(directory: try temporaryDirectory(), step: fsrs.step, now: day0)
        let cards = [sampleCard("a", note: "pods"), sampleCard("b", note: "pods"), sampleCard("c", note: "services"), sampleCard("d", note: "services")]
        var time = day0
        // a: good every time → review state; b: forgotten in review (Again) once.
        for rating in [3, 3, 3, 3] {
            try store.record(cardId: "a", rating: rating, at: time, durationMs: 0, session: "s")
            time = time.addingTimeInterval(86_400 * 10)
        }
        time = day0
        for rating in [3, 3, 1] {
            try store.record(cardId: "b", rating: rating, at: time, durationMs: 0, session: "s")
            time = time.addingTimeInterval(86_400 * 10)
        }
        let undone = try store.record(cardId: "c", rating: 3, at: day0, durationMs: 0, session: "s")
        try store.undo(entryId: try #require(undone.id), at: day0, session: "s")
        let now = day0.addingTimeInterval(86_400 * 31)
        let aggregates = try store.aggregates(now: now, timeZone: utc, heatmapDays: StatsBuilder.heatmapDays)
        #expect(aggregates.totalReviews == 7)
        let schedules = try store.schedules()
        let matureA = try store.effectiveEntries(cardId: "a").filter { $0.stateBefore == 2 }
        let matureB = try store.effectiveEntries(cardId: "b").filter { $0.stateBefore == 2 }
        #expect(aggregates.matureReviews == matureA.count + matureB.count)
        #expect(aggregates.matureRecalled == matureA.count + matureB.count - matureB.filter { $0.rating == 1 }.count)
        let stats = StatsBuilder.build(cards: cards, schedules: schedules, aggregates: aggregates, fsrs: fsrs, now: now, timeZone: utc)
        #expect(stats.forecast.count == 30)
        #expect(stats.forecast.map(\.count).reduce(0, +) <= 2)
        #expect(stats.heatmap.count == 182)
        #expect(stats.heatmap.map(\.count).reduce(0, +) == 7)
        #expect(stats.heatmap.first { $0.count > 0 }?.date == "2026-05-28")
        #expect(stats.states.new == 2)
        #expect(stats.states.review + stats.states.relearning + stats.states.learning == 2)
        let services = try #require(stats.notes.first { $0.name == "services" })
        #expect(services.mastery == 0 && services.reviewed == 0)
        let pods = try #require(stats.notes.first { $0.name == "pods" })
        #expect(pods.mastery > 0 && pods.mastery < 1 && pods.reviewed == 2)
        #expect(stats.weakest.map(\.name) == ["pods"])
    }
}
