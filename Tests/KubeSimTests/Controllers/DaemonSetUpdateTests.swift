import KubeModel
import Testing
@testable import KubeSim

/// DaemonSet update strategies. Upstream: pkg/controller/daemon/update.go `rollingUpdate`,
/// daemon_controller.go `podsShouldBeOnNode` (surge), v1.33;
/// https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
@Suite("DaemonSet updates")
struct DaemonSetUpdateTests {
    /// Workers whose daemon pods include none that is available and not being deleted.
    static func nodesWithoutAvailablePod(_ cluster: Cluster) -> [String] {
        ["worker-1", "worker-2", "worker-3"].filter { node in
            !(cluster.daemonPodsByNode[node] ?? []).contains {
                $0.metadata.deletionTimestamp == nil && PodConditions.isAvailable($0, minReadySeconds: 0, at: cluster.now)
            }
        }
    }

    static func images(_ cluster: Cluster) -> [String] {
        cluster.pods(named: "agent-").compactMap { $0.spec?.containers.first?.image }
    }

    @Test("A rolling update with maxUnavailable 1 (the default) never leaves more than 1 node without an available pod, and updates every node")
    func maxUnavailableOne() throws {
        let cluster = try cluster(Workloads.daemonSet(container: Workloads.slowReadiness))
        try cluster.advance(by: .minutes(1))
        #expect(cluster.daemonSet?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable == .int(1))
        try cluster.apply(yaml: Workloads.daemonSet(image: "nginx:1.26", container: Workloads.slowReadiness))
        var mostUnavailable = 0
        try cluster.step(180) { cluster in
            let down = Self.nodesWithoutAvailablePod(cluster)
            mostUnavailable = max(mostUnavailable, down.count)
            #expect(down.count <= 1, "at \(cluster.now): \(down) without an available pod")
        }
        #expect(mostUnavailable == 1, "the update replaced pods one node at a time")
        #expect(Self.images(cluster) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
        let status = try #require(cluster.daemonSet?.status)
        #expect(status.updatedNumberScheduled == 3 && status.numberAvailable == 3)
        #expect(cluster.events(of: "DaemonSet", "agent").filter { $0.hasPrefix("SuccessfulDelete: Deleted pod: agent-") }.count == 3)
    }

    @Test("With maxSurge 1 and maxUnavailable 0 a new pod starts beside the old one, which goes only once the new one is available")
    func surge() throws {
        let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"
        let cluster = try cluster(Workloads.daemonSet(strategy: strategy, container: Workloads.slowReadiness))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.daemonSet(image: "nginx:1.26", strategy: strategy, container: Workloads.slowReadiness))
        var mostPodsOnANode = 0
        try cluster.step(180) { cluster in
            #expect(Self.nodesWithoutAvailablePod(cluster).isEmpty, "at \(cluster.now) a node had no available pod")
            let live = cluster.daemonPodsByNode.values.map { $0.filter { $0.metadata.deletionTimestamp == nil }.count }
            mostPodsOnANode = max(mostPodsOnANode, live.max() ?? 0)
            #expect(live.filter { $0 > 1 }.count <= 1, "more than maxSurge nodes surged at once")
        }
        #expect(mostPodsOnANode == 2)
        #expect(Self.images(cluster) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
    }

    @Test("OnDelete: a template change replaces no pod; a pod deleted by hand comes back with the new template")
    func onDelete() throws {
        let strategy = "  updateStrategy: {type: OnDelete}"
        let cluster = try cluster(Workloads.daemonSet(strategy: strategy))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: Workloads.daemonSet(image: "nginx:1.26", strategy: strategy))
        try cluster.advance(by: .minutes(2))
        #expect(Self.images(cluster) == ["nginx:1.27", "nginx:1.27", "nginx:1.27"])
        #expect(cluster.daemonSet?.status?.updatedNumberScheduled == nil, "0 up to date (omitted like Go's omitempty)")
        let victim = try #require(cluster.daemonPodsByNode["worker-2"]?.first?.metadata.name)
        try cluster.delete(.pod(victim))
        try cluster.advance(by: .minutes(1))
        #expect(cluster.daemonPodsByNode["worker-2"]?.first?.spec?.containers.first?.image == "nginx:1.26")
        #expect(cluster.daemonSet?.status?.updatedNumberScheduled == 1)
    }

    @Test("A DaemonSet keeps working after the cluster is saved and loaded")
    func savedCluster() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        let reloaded = try Cluster.load(json: try cluster.savedJSON())
        try reloaded.create(.node(ClusterShape.node("worker-4", zone: "zone-b", cpu: "4", memory: "16Gi")))
        try reloaded.advance(by: .seconds(30))
        #expect(reloaded.daemonPodsByNode.keys.sorted() == ["worker-1", "worker-2", "worker-3", "worker-4"])
    }
}

/// Pod garbage collection of orphans: pkg/controller/podgc/gc_controller.go `gcOrphaned`, v1.33.
@Suite("Pod GC")
struct PodGCTests {
    @Test("A pod bound to a node that was deleted is removed (PodGC: node no longer exists)")
    func orphaned() throws {
        let cluster = try cluster(podYAML("stray"))
        try cluster.advance(by: .seconds(10))
        try cluster.delete(.node("worker-1"))
        #expect(cluster.pod("stray") == nil)
        #expect(cluster.pods(named: "").allSatisfy { $0.spec?.nodeName != "worker-1" })
    }
}
