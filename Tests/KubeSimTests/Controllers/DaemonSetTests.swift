import KubeModel
import Testing
@testable import KubeSim

/// Where DaemonSet pods run. Upstream: pkg/controller/daemon/daemon_controller.go
/// (`NodeShouldRunDaemonPod`, `podsShouldBeOnNode`), util/daemonset_util.go, v1.33;
/// https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
@Suite("DaemonSet controller")
struct DaemonSetTests {
    static let controlPlaneToleration = """
              tolerations:
              - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
        """

    @Test("On the default cluster a DaemonSet runs one pod on each of the 3 workers, none on the NoSchedule-tainted control plane")
    func workersOnly() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-1", "worker-2", "worker-3"])
        #expect(cluster.daemonPodsByNode.values.allSatisfy { $0.count == 1 })
        let status = try #require(cluster.daemonSet?.status)
        #expect(status.desiredNumberScheduled == 3 && status.currentNumberScheduled == 3 && status.numberReady == 3)
        #expect(status.updatedNumberScheduled == 3 && status.numberAvailable == 3 && status.numberMisscheduled == 0)
        #expect(cluster.events(of: "DaemonSet", "agent").count == 3)
        #expect(cluster.events(of: "DaemonSet", "agent").allSatisfy { $0.hasPrefix("SuccessfulCreate: Created pod: agent-") })
    }

    @Test("Tolerating node-role.kubernetes.io/control-plane puts a fourth pod on the control plane")
    func controlPlaneTolerated() throws {
        let cluster = try cluster(Workloads.daemonSet(pod: Self.controlPlaneToleration))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["control-plane", "worker-1", "worker-2", "worker-3"])
        #expect(cluster.daemonSet?.status?.desiredNumberScheduled == 4)
        #expect(cluster.daemonSet?.status?.numberReady == 4)
    }

    @Test("A nodeSelector limits the pods to matching nodes; labelling a node adds one, unlabelling removes it")
    func nodeSelector() throws {
        let cluster = try cluster(Workloads.daemonSet(pod: "      nodeSelector: {disk: ssd}"))
        try cluster.label(.node("worker-2"), ["disk=ssd"])
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-2"])
        #expect(cluster.daemonSet?.status?.desiredNumberScheduled == 1)
        try cluster.label(.node("worker-3"), ["disk=ssd"])
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-2", "worker-3"])
        try cluster.label(.node("worker-2"), ["disk-"])
        try cluster.advance(by: .minutes(1))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-3"])
    }

    @Test("Required node affinity limits the pods like a nodeSelector")
    func requiredAffinity() throws {
        let affinity = """
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-a, zone-c]}]
        """
        let cluster = try cluster(Workloads.daemonSet(pod: affinity))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-1", "worker-3"])
    }

    @Test("Each pod is made for its node with matchFields metadata.name In [node] and bound there by the scheduler")
    func nodeAffinityPerPod() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(10))
        for (node, pods) in cluster.daemonPodsByNode {
            let pod = try #require(pods.first)
            let terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
            #expect(terms?.count == 1)
            let field = try #require(terms?.first?.matchFields?.first)
            #expect(field.key == "metadata.name" && field.operator == "In" && field.values == [node])
            #expect(cluster.store.events(about: .pod(pod.metadata.name ?? "")).first?.message == "Successfully assigned default/\(pod.metadata.name ?? "") to \(node)")
        }
    }

    @Test("Daemon pods get AddOrUpdateDaemonPodTolerations: not-ready and unreachable NoExecute with no tolerationSeconds, pressure and unschedulable NoSchedule")
    func daemonTolerations() throws {
        let cluster = try cluster(Workloads.daemonSet())
        let pod = try #require(cluster.pods(named: "agent-").first)
        let tolerations = (pod.spec?.tolerations ?? []).map { "\($0.key ?? ""):\($0.effect ?? ""):\($0.operator ?? ""):\($0.tolerationSeconds.map(String.init) ?? "-")" }
        #expect(tolerations == [
            "node.kubernetes.io/not-ready:NoExecute:Exists:-",
            "node.kubernetes.io/unreachable:NoExecute:Exists:-",
            "node.kubernetes.io/disk-pressure:NoSchedule:Exists:-",
            "node.kubernetes.io/memory-pressure:NoSchedule:Exists:-",
            "node.kubernetes.io/pid-pressure:NoSchedule:Exists:-",
            "node.kubernetes.io/unschedulable:NoSchedule:Exists:-",
        ])
        let hostNetwork = try cluster_(Workloads.daemonSet(pod: "      hostNetwork: true"))
        let hostPod = try #require(hostNetwork.pods(named: "agent-").first)
        #expect(hostPod.spec?.tolerations?.last?.key == "node.kubernetes.io/network-unavailable")
        #expect(hostPod.spec?.tolerations?.last?.effect == "NoSchedule")
    }

    func cluster_(_ yaml: String) throws -> Cluster { try cluster(yaml) }

    @Test("Cordoning a node keeps its daemon pod (daemon pods tolerate node.kubernetes.io/unschedulable), and a new DaemonSet still gets a pod there")
    func cordon() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        let before = try #require(cluster.daemonPodsByNode["worker-1"]?.first?.metadata.name)
        try cluster.setNode("worker-1", .cordon)
        try cluster.advance(by: .minutes(1))
        #expect(cluster.daemonPodsByNode["worker-1"]?.map(\.metadata.name) == [before])
        try cluster.apply(yaml: Workloads.daemonSet().replacingOccurrences(of: "agent", with: "agent2"))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.pods(named: "agent2-").contains { $0.spec?.nodeName == "worker-1" && $0.status?.phase == "Running" })
    }

    @Test("A node going NotReady keeps its daemon pod: the not-ready/unreachable NoExecute tolerations have no time limit")
    func unreachableNode() throws {
        let cluster = try cluster(Workloads.daemonSet() + "\n---\n" + podYAML("plain"))
        try cluster.advance(by: .seconds(30))
        let daemon = try #require(cluster.daemonPodsByNode["worker-1"]?.first?.metadata.name)
        try cluster.setNode("worker-1", .down)
        try cluster.advance(by: .minutes(6))
        #expect(cluster.pod("plain") == nil, "an ordinary pod is evicted after its default 300s toleration")
        #expect(cluster.pod(daemon) != nil)
    }

    @Test("Adding a node adds a pod; deleting a node removes its pod")
    func nodesComeAndGo() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        try cluster.create(.node(ClusterShape.node("worker-4", zone: "zone-a", cpu: "4", memory: "16Gi")))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-1", "worker-2", "worker-3", "worker-4"])
        #expect(cluster.daemonPodsByNode["worker-4"]?.first?.status?.phase == "Running")
        #expect(cluster.daemonSet?.status?.desiredNumberScheduled == 4)
        try cluster.delete(.node("worker-2"))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode.keys.sorted() == ["worker-1", "worker-3", "worker-4"])
        #expect(cluster.daemonSet?.status?.desiredNumberScheduled == 3 && cluster.daemonSet?.status?.currentNumberScheduled == 3)
    }

    @Test("A new NoSchedule taint keeps the running pod, counted misscheduled; a NoExecute taint removes it")
    func taints() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        try cluster.patch(.node("worker-1"), patch: .object(["spec": .object(["taints": .array([.object(["key": .string("dedicated"), "effect": .string("NoSchedule")])])])]))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode["worker-1"]?.count == 1)
        #expect(cluster.daemonSet?.status?.numberMisscheduled == 1)
        #expect(cluster.daemonSet?.status?.desiredNumberScheduled == 2)
        try cluster.patch(.node("worker-1"), patch: .object(["spec": .object(["taints": .array([.object(["key": .string("dedicated"), "effect": .string("NoExecute")])])])]))
        try cluster.advance(by: .minutes(1))
        #expect(cluster.daemonPodsByNode["worker-1"] == nil)
        #expect(cluster.daemonSet?.status?.numberMisscheduled == 0)
    }

    @Test("The API server sets deprecated.daemonset.template.generation: 1, and each pod is labelled with it and the template hash")
    func templateGeneration() throws {
        let cluster = try cluster(Workloads.daemonSet())
        #expect(cluster.daemonSet?.metadata.annotations?["deprecated.daemonset.template.generation"] == "1")
        let pod = try #require(cluster.pods(named: "agent-").first)
        #expect(pod.metadata.labels?["pod-template-generation"] == "1")
        let hash = try #require(pod.metadata.labels?["controller-revision-hash"])
        #expect(!hash.isEmpty && hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) }, "rand.SafeEncodeString's alphabet")
        try cluster.apply(yaml: Workloads.daemonSet(image: "nginx:1.26"))
        #expect(cluster.daemonSet?.metadata.annotations?["deprecated.daemonset.template.generation"] == "2")
        try cluster.apply(yaml: Workloads.daemonSet(image: "nginx:1.26", extraSpec: "  revisionHistoryLimit: 5"))
        #expect(cluster.daemonSet?.metadata.generation == 3)
        #expect(cluster.daemonSet?.metadata.annotations?["deprecated.daemonset.template.generation"] == "2", "a spec change outside the template keeps it")
    }

    @Test("A failed daemon pod is deleted with a FailedDaemonPod warning and replaced on its node")
    func failedPod() throws {
        let cluster = try cluster(Workloads.daemonSet())
        try cluster.advance(by: .seconds(30))
        var pod = try #require(cluster.daemonPodsByNode["worker-1"]?.first)
        let name = pod.metadata.name ?? ""
        pod.status?.phase = "Failed"  // as after an eviction by the kubelet
        cluster.store.updateStatus(.pod(pod))
        try cluster.settle()
        #expect(cluster.pod(name) == nil)
        #expect(cluster.events(of: "DaemonSet", "agent").contains("FailedDaemonPod: Found failed daemon pod default/\(name) on node worker-1, will try to kill it"))
        #expect(cluster.events(of: "DaemonSet", "agent").contains("SuccessfulDelete: Deleted pod: \(name)"))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.daemonPodsByNode["worker-1"]?.first?.status?.phase == "Running")
    }
}
