import KubeModel
import Testing
@testable import KubeSim

@Suite("Cluster shape, clock and runner")
struct ClusterShapeTests {
    @Test("The default cluster: control-plane tainted NoSchedule, three workers with 4 CPU, 16Gi, 110 pods in zones a/b/c")
    func defaultShape() throws {
        let cluster = Cluster()
        let nodes = cluster.store.nodes
        #expect(nodes.map { $0.metadata.name ?? "" } == ["control-plane", "worker-1", "worker-2", "worker-3"])
        #expect(nodes[0].spec?.taints?.first?.key == "node-role.kubernetes.io/control-plane")
        #expect(nodes[0].spec?.taints?.first?.effect == "NoSchedule")
        let worker = nodes[2]
        #expect(worker.status?.capacity?["cpu"] == Quantity(4))
        #expect(worker.status?.capacity?["memory"] == (try Quantity(parsing: "16Gi")))
        #expect(worker.status?.capacity?["pods"] == Quantity(110))
        #expect(worker.metadata.labels?["topology.kubernetes.io/zone"] == "zone-b")
        #expect(worker.metadata.labels?["kubernetes.io/hostname"] == "worker-2")
        #expect(cluster.store.list(kind: "Namespace").map(\.key.name) == ["default", "kube-node-lease", "kube-public", "kube-system"])
    }

    @Test("advance with no duration stops when nothing is pending; a crash-looping pod runs to the 10-minute cap")
    func untilQuiet() throws {
        let quiet = try cluster(podYAML())
        #expect(try quiet.advanceUntilQuiet())
        #expect(quiet.now.seconds < 60)
        let looping = try cluster(podYAML(image: "busybox:1.36"))
        #expect(try looping.advanceUntilQuiet() == false)
        #expect(looping.now.seconds == 600)
    }

    @Test("The same manifests give the same event trace, run after run")
    func reproducible() throws {
        func trace() throws -> [RecordedEvent] {
            let cluster = try cluster(podYAML(image: "busybox:1.36") + "\n---\n" + podYAML("b", image: "nginx:nope"))
            try cluster.advance(by: .minutes(5))
            return cluster.store.eventLog
        }
        #expect(try trace() == (try trace()))
    }

    @Test("Durations parse as Go durations: 30s, 5m, 1h30m; and print like Go: 5m0s")
    func durations() {
        #expect(VirtualDuration(parsing: "30s")?.seconds == 30)
        #expect(VirtualDuration(parsing: "1h30m")?.seconds == 5400)
        #expect(VirtualDuration(parsing: "bogus") == nil)
        #expect(VirtualDuration(seconds: 300).description == "5m0s")
        #expect(Age.human(.seconds(90)) == "90s")
        #expect(Age.human(.seconds(330)) == "5m30s")
    }
}

@Suite("Deletion and garbage collection")
struct GarbageCollectionTests {
    static let owned = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: owner}
        """

    func clusterWithDependent() throws -> Cluster {
        let cluster = try cluster(Self.owned)
        let uid = try #require(cluster.get(ObjectKey(kind: "ConfigMap", namespace: "default", name: "owner"))?.meta.uid)
        try cluster.apply(yaml: podYAML().replacingOccurrences(of: "name: web", with: """
            name: web
              ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: \(uid)}]
            """))
        return cluster
    }

    @Test("Background cascading deletion: deleting the owner deletes its dependents")
    func background() throws {
        let cluster = try clusterWithDependent()
        try cluster.delete(ObjectKey(kind: "ConfigMap", namespace: "default", name: "owner"))
        try cluster.advance(by: .seconds(60))
        #expect(cluster.pod("web") == nil)
    }

    @Test("--cascade=orphan keeps dependents and removes the owner reference")
    func orphan() throws {
        let cluster = try clusterWithDependent()
        try cluster.delete(ObjectKey(kind: "ConfigMap", namespace: "default", name: "owner"), cascade: .orphan)
        try cluster.advance(by: .seconds(60))
        #expect(cluster.pod("web") != nil)
        #expect(cluster.pod("web")?.metadata.ownerReferences == nil)
    }

    @Test("Deleting a running pod sets deletionTimestamp; sh ignores SIGTERM so it goes after the 30 s grace period")
    func gracefulDeletion() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: "    command: [\"sh\", \"-c\", \"sleep 3600\"]"))
        try cluster.advance(by: .seconds(10))
        try cluster.delete(.pod("web"))
        #expect(cluster.pod("web")?.metadata.deletionTimestamp != nil)
        try cluster.advance(by: .seconds(20))
        #expect(cluster.pod("web") != nil)
        try cluster.advance(by: .seconds(15))
        #expect(cluster.pod("web") == nil)
        #expect(cluster.reasons("web").last == "Killing")
    }
}

@Suite("Nodes")
struct NodeTests {
    @Test("A node that goes down is tainted unreachable; its pods are evicted after the default 300 s toleration")
    func taintBasedEviction() throws {
        let cluster = try cluster(podYAML())
        try cluster.advance(by: .seconds(10))
        try cluster.setNode("worker-1", .down)
        let taints = cluster.store.get(.node("worker-1"))?.node?.spec?.taints ?? []
        #expect(taints.contains { $0.key == "node.kubernetes.io/unreachable" && $0.effect == "NoExecute" })
        try cluster.advance(by: .seconds(299))
        #expect(cluster.pod("web") != nil)
        try cluster.advance(by: .seconds(2))
        #expect(cluster.pod("web") == nil)
        #expect(cluster.reasons("web").last == "TaintManagerEviction")
    }

    @Test("cordon sets spec.unschedulable and the node.kubernetes.io/unschedulable:NoSchedule taint; uncordon removes both")
    func cordon() throws {
        let cluster = Cluster()
        try cluster.setNode("worker-2", .cordon)
        var node = try #require(cluster.store.get(.node("worker-2"))?.node)
        #expect(node.spec?.unschedulable == true)
        #expect(node.spec?.taints?.contains { $0.key == "node.kubernetes.io/unschedulable" } == true)
        try cluster.setNode("worker-2", .uncordon)
        node = try #require(cluster.store.get(.node("worker-2"))?.node)
        #expect(node.spec?.unschedulable != true)
        #expect(node.spec?.taints == nil)
    }

    @Test("drain refuses pods without a controller unless forced (kubectl drain), then evicts them")
    func drain() throws {
        let cluster = try cluster(podYAML())
        try cluster.advance(by: .seconds(10))
        #expect(throws: APIError(reason: "BadRequest", message: "unable to drain node \"worker-1\" due to error: cannot delete Pods that declare no controller (use --force to override): default/web")) {
            try cluster.setNode("worker-1", .drain)
        }
        let evicted = try cluster.setNode("worker-1", .drain(force: true))
        #expect(evicted == ["default/web"])
        try cluster.advance(by: .seconds(31))
        #expect(cluster.pod("web") == nil)
    }
}
