import KubeModel
import Testing
@testable import KubeSim

/// Event retention: kube-apiserver `--event-ttl` (default 1h), each write renewing the lease
/// (pkg/registry/core/event/storage/storage.go `TTLFunc`).
@Suite("Event TTL")
struct EventTTLTests {
    func events(_ cluster: Cluster, reason: String) -> [Event] {
        cluster.store.list(kind: "Event", namespace: "default").compactMap { object in
            if case .event(let event) = object, event.reason == reason { return event } else { return nil }
        }
    }

    /// A cluster holding one ConfigMap, something to record Events about.
    func clusterWithConfigMap() throws -> (Cluster, KubeObject) {
        let cluster = try cluster("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}")
        return (cluster, try #require(cluster.get(ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings"))))
    }

    @Test("An Event is removed one hour after it was last recorded; the recorded history keeps it")
    func expires() throws {
        let cluster = try cluster(BatchFixtures.job())
        try cluster.advance(by: .seconds(10))
        let completed = try #require(events(cluster, reason: "Completed").first?.lastTimestamp?.virtualSeconds)
        try cluster.advance(by: .seconds(completed + 3599 - cluster.now.seconds))
        #expect(events(cluster, reason: "Completed").count == 1)
        try cluster.advance(by: .seconds(1))
        #expect(events(cluster, reason: "Completed").isEmpty)
        #expect(cluster.store.eventLog.contains { $0.reason == "Completed" })
    }

    @Test("A repeated Event (count bumped) lives an hour from its last occurrence")
    func renewedByRepeat() throws {
        let (cluster, pod) = try clusterWithConfigMap()
        cluster.store.record("Warning", "Probe", "failed", on: pod, component: "kubelet")
        try cluster.advance(by: .minutes(50))
        cluster.store.record("Warning", "Probe", "failed", on: pod, component: "kubelet")
        try cluster.advance(by: .minutes(50))
        #expect(events(cluster, reason: "Probe").first?.count == 2)
        try cluster.advance(by: .minutes(10))
        #expect(events(cluster, reason: "Probe").isEmpty)
    }

    @Test("A saved and reloaded cluster still removes its Events an hour after they were recorded")
    func expiresAfterReload() throws {
        let (cluster, config) = try clusterWithConfigMap()
        cluster.store.record("Normal", "Checked", "looked at", on: config, component: "test")
        try cluster.advance(by: .minutes(30))
        let reloaded = try Cluster.load(json: cluster.savedJSON())
        try reloaded.advance(by: .minutes(29))
        #expect(events(reloaded, reason: "Checked").count == 1)
        try reloaded.advance(by: .minutes(1))
        #expect(events(reloaded, reason: "Checked").isEmpty)
    }
}
