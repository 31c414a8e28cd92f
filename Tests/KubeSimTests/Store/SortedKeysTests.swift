import Testing
@testable import KubeSim

@Suite("Sorted keys (the store index's scopes and dependents)")
struct SortedKeysTests {
    @Test("After any mix of inserts and removals the order is the members sorted as ObjectKey sorts, kinds and namespaces included")
    func orderMatchesSortedMembers() {
        var keys = SortedKeys()
        var model = Set<ObjectKey>()
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for step in 0..<2000 {
            let key = ObjectKey(kind: ["Job", "Pod"][next(2)], namespace: ["a", "b"][next(2)], name: "k\(next(40))")
            // Mostly in order at the ends, as a CronJob's Jobs come and go, with some at random.
            if next(3) == 0 { keys.remove(key); model.remove(key) } else { keys.insert(key); model.insert(key) }
            if next(4) == 0, let first = model.sorted().first { keys.remove(first); model.remove(first) }
            if step % 7 == 0 { #expect(keys.ordered() == model.sorted()) }
        }
        #expect(keys.ordered() == model.sorted())
        #expect(keys.members == model)
    }

    @Test("Adding at the end and taking the oldest away, as a CronJob's Jobs come and go, keep the order")
    func appendAndDropOldest() {
        var keys = SortedKeys()
        for minute in 100..<110 { keys.insert(.init(kind: "Job", namespace: "default", name: "five-\(minute)")) }
        _ = keys.ordered()
        keys.remove(.init(kind: "Job", namespace: "default", name: "five-100"))
        keys.insert(.init(kind: "Job", namespace: "default", name: "five-110"))
        #expect(keys.ordered().map(\.name) == (101...110).map { "five-\($0)" })
    }
}
