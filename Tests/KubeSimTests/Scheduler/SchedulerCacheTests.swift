import KubeModel
import Testing
@testable import KubeSim

/// The scheduler cache must hold what a snapshot built afresh from the store holds, as
/// kube-scheduler's cache must match its informers (pkg/scheduler/backend/cache/debugger's
/// comparer checks the same, v1.33.0): the nodes, each node's pods in the order preemption reads
/// them, the aggregates Filter and Score read, and so the same decisions. A seeded random run of
/// store writes (pods created, bound by the scheduler or not, finished, deleted, recreated; nodes
/// relabelled, added, removed; namespaces labelled) compares the two after every write.
@Suite("SchedulerCache matches a snapshot built afresh")
struct SchedulerCacheTests {
    typealias Generator = BatchSchedulerTests.Generator

    /// What a decision can read of a snapshot, as text so a difference names itself.
    static func summary(_ snapshot: ClusterSnapshot) -> [String] {
        snapshot.nodes.map { node in
            let pods = node.podInfos.map { "\($0.key)@\($0.pod.metadata.resourceVersion ?? "")" }
            return "\(node.name) \(node.labels.sorted { $0.key < $1.key }) pods=\(pods) requested=\(node.requested) "
                + "nonZero=\(node.nonZeroRequested) ports=\(node.usedPorts.sorted { "\($0.key)" < "\($1.key)" }) "
                + "affinity=\(node.podsWithAffinity.map(\.key)) antiAffinity=\(node.podsWithRequiredAntiAffinity.map(\.key))"
        } + ["images=\(snapshot.imageNodeCounts.sorted { $0.key < $1.key })",
             "affinityCounts=\(snapshot.podsWithAffinityCount)/\(snapshot.podsWithRequiredAntiAffinityCount)",
             "namespaces=\(snapshot.namespaceLabels.sorted { $0.key < $1.key })"]
    }

    /// One random write to the store; `placement` schedules when the write is a scheduling pass.
    static func write(_ step: Int, _ generator: inout Generator, _ store: Store, _ placement: SchedulerPlacement) throws {
        let pods = store.pods, nodes = store.nodes
        func some<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[generator.next(items.count)] }
        switch generator.next(10) {
        case 0, 1:
            let pod = BatchSchedulerTests.pod(step, template: generator.next(12))
            var placed = pod
            placed.metadata.namespace = ["default", "team"][generator.next(2)]
            _ = try store.create(.pod(placed))
        case 2, 3:
            // A scheduling pass whose bindings the store sees only in part: the rest stay assumed.
            let pending = placement.pendingPods(in: store)
            for (pod, outcome) in zip(pending, placement.place(pending, in: store)) {
                guard case .bind(let node) = outcome, generator.next(3) > 0 else { continue }
                var bound = pod
                bound.spec?.nodeName = node
                _ = try store.update(.pod(bound))
            }
        case 4:
            guard var pod = some(pods.filter { $0.spec?.nodeName != nil }) else { return }
            var status = pod.status ?? PodStatus()
            status.phase = ["Running", "Succeeded", "Failed"][generator.next(3)]
            pod.status = status
            _ = store.updateStatus(.pod(pod))
        case 5:
            guard let pod = some(pods) else { return }
            _ = store.remove(.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
        case 6:
            // Recreated under the same name, bound straight to another node (a new uid).
            guard var pod = some(pods), let node = some(nodes) else { return }
            _ = store.remove(.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
            pod.metadata.uid = nil
            pod.metadata.resourceVersion = nil
            pod.spec?.nodeName = node.metadata.name
            _ = try store.create(.pod(pod))
        case 7:
            guard var node = some(nodes) else { return }
            let hasDisk = node.metadata.labels?["disk"] != nil
            node.metadata.labels?["disk"] = hasDisk ? nil : "ssd"
            _ = try store.update(.node(node))
        case 8:
            if generator.next(2) == 0, let node = some(nodes) {
                _ = store.remove(.node(node.metadata.name ?? ""))
            } else {
                _ = try? store.create(.node(Fixture.node("extra-\(step)", cpu: "2", memory: "4Gi", zone: "zone-a")))
            }
        default:
            var namespace = Namespace()
            namespace.metadata.name = "team"
            namespace.metadata.labels = ["tier": "\(generator.next(3))"]
            if let existing = store.get(.init(kind: "Namespace", name: "team")) {
                namespace.metadata = existing.withMetadata { $0 }
                namespace.metadata.labels = ["tier": "\(generator.next(3))"]
                _ = try store.update(.namespace(namespace))
            } else {
                _ = try store.create(.namespace(namespace))
            }
        }
    }

    /// Seeds, and how many writes the store's history keeps: with 3 the cache often finds it
    /// compacted past its last sync and re-reads every pod instead of the written ones.
    @Test("After every write the cache equals a fresh snapshot and decides as the exhaustive scheduler does",
          arguments: [(UInt64(1), 8192), (5, 8192), (23, 8192), (7, 3)])
    func matchesFreshSnapshot(seed: UInt64, history: Int) throws {
        let store = Store()
        store.journalCapacity = history
        for node in BatchSchedulerTests.nodes() { _ = try store.create(.node(node)) }
        let placement = SchedulerPlacement()
        var generator = Generator(state: seed)
        var probes = 0
        for step in 0..<400 {
            try Self.write(step, &generator, store, placement)
            let fresh = SchedulerPlacement.snapshot(of: store)
            let cached = placement.cacheForTesting.sync(with: store)
            let (mine, truth) = (Self.summary(cached.snapshot), Self.summary(fresh))
            let differences = zip(mine, truth).filter { $0 != $1 }.map { "cache: \($0)\nfresh: \($1)" }
            try #require(mine.count == truth.count && differences.isEmpty, "step \(step): \(differences.first ?? "node count")")
            let pending = store.pods.filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil }
            #expect(placement.pendingPods(in: store).map(\.metadata.name) == pending.map(\.metadata.name))
            guard step % 5 == 0 else { continue }
            let probe = BatchSchedulerTests.pod(10_000 + step, template: generator.next(12))
            let expected = Scheduler().schedule(probe, in: fresh), actual = cached.schedule(probe)
            #expect(expected.nodeName == actual.nodeName, "step \(step)")
            probes += 1
        }
        #expect(probes == 80)
        // The run did what it means to check: pods bound, finished and pending at the end.
        #expect(store.pods.contains { $0.spec?.nodeName != nil })
    }
}
