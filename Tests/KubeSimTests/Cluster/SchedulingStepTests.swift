import KubeModel
import Testing
@testable import KubeSim

/// The scheduling step of the reconcile loop, with kube-scheduler's default plugins.
/// Upstream: pkg/scheduler/schedule_one.go (`Successfully assigned %v/%v to %v`, FailedScheduling).
@Suite("Scheduling step")
struct SchedulingStepTests {
    static func pending(_ name: String, memory: String? = nil) -> String {
        podYAML(name, container: memory.map { "    resources: {requests: {memory: \($0)}}" } ?? "")
            .replacingOccurrences(of: "  nodeName: worker-1\n", with: "")
    }

    @Test("A pod without nodeName is bound by the scheduler: Scheduled event, PodScheduled True, then it runs")
    func scheduled() throws {
        let cluster = try cluster(Self.pending("web"))
        try cluster.advance(by: .seconds(10))
        let pod = try #require(cluster.pod("web"))
        let node = try #require(pod.spec?.nodeName)
        #expect(node.hasPrefix("worker-"))
        #expect(cluster.reasons("web").first == "Scheduled")
        #expect(cluster.store.events(about: .pod("web")).first?.message == "Successfully assigned default/web to \(node)")
        #expect(pod.status?.phase == "Running")
    }

    @Test("A pod no node can hold stays Pending with FailedScheduling and upstream's 0/4 nodes are available message")
    func unschedulable() throws {
        let cluster = try cluster(Self.pending("huge", memory: "64Gi"))
        try cluster.advance(by: .seconds(10))
        let pod = try #require(cluster.pod("huge"))
        #expect(pod.spec?.nodeName == nil)
        let condition = try #require(pod.status?.conditions?.first { $0.type == "PodScheduled" })
        #expect(condition.status == "False")
        #expect(condition.reason == "Unschedulable")
        #expect(condition.message?.hasPrefix("0/4 nodes are available: ") == true)
        #expect(condition.message?.contains("3 Insufficient memory") == true)
        #expect(cluster.reasons("huge") == ["FailedScheduling"])
    }

    @Test("A pod waiting for room is bound once a pod holding it is deleted (upstream: AssignedPodDelete moves unschedulable pods back to the active queue)")
    func deletionFreesRoom() throws {
        let cluster = Cluster()
        for node in ["worker-2", "worker-3"] { try cluster.setNode(node, .cordon) }
        try cluster.apply(yaml: Self.pending("first", memory: "10Gi"))
        try cluster.apply(yaml: Self.pending("second", memory: "10Gi"))
        try cluster.advance(by: .seconds(10))
        #expect(cluster.pod("first")?.spec?.nodeName == "worker-1")
        #expect(cluster.pod("second")?.spec?.nodeName == nil)
        try cluster.delete(.pod("first"), gracePeriod: 0)
        try cluster.advance(by: .seconds(10))
        #expect(cluster.pod("first") == nil)
        #expect(cluster.pod("second")?.spec?.nodeName == "worker-1")
    }

    @Test("A pod deleted while no pod waits runs no scheduling cycle")
    func deletionWithoutWaiters() throws {
        let cluster = try cluster(Self.pending("web"))
        try cluster.advance(by: .seconds(10))
        let before = cluster.runner.reconcilesByController["scheduler", default: 0]
        try cluster.delete(.pod("web"), gracePeriod: 0)
        try cluster.advance(by: .seconds(10))
        #expect(cluster.pod("web") == nil)
        #expect(cluster.runner.reconcilesByController["scheduler", default: 0] == before)
    }

    @Test("A cordoned node gets no new pods")
    func cordoned() throws {
        let cluster = Cluster()
        for node in ["worker-1", "worker-2"] { try cluster.setNode(node, .cordon) }
        try cluster.apply(yaml: Self.pending("web"))
        #expect(cluster.pod("web")?.spec?.nodeName == "worker-3")
    }
}

@Suite("Saved clusters")
struct SavedClusterTests {
    @Test("A cluster saved as JSON and loaded again carries on identically (objects, clock, pending work, kubelet state)")
    func roundTrip() throws {
        let original = try cluster(podYAML(image: "busybox:1.36"))
        try original.advance(by: .seconds(25))
        let copy = try Cluster.load(json: try original.savedJSON())
        try original.advance(by: .minutes(3))
        try copy.advance(by: .minutes(3))
        #expect(copy.now == original.now)
        #expect(copy.store.eventLog == original.store.eventLog)
        #expect(copy.pod("web") == original.pod("web"))
    }
}
