import KubeModel
import Testing
@testable import KubeSim

/// Upstream: pkg/controller/disruption/disruption.go (v1.33), the eviction subresource
/// pkg/registry/core/pod/storage/eviction.go, and k8s.io/kubectl/pkg/drain; docs "Specifying a
/// Disruption Budget for your Application" and "Safely Drain a Node".
@Suite("PodDisruptionBudgets and eviction")
struct DisruptionTests {
    static func scenario(_ rule: String, replicas: Int = 3) throws -> Cluster {
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: replicas) + "\n---\n" + AutoscalingFixtures.pdb(rule))
        try cluster.advance(by: .seconds(30))
        return cluster
    }

    @Test("minAvailable 2 on 3 ready replicas allows 1 disruption: DisruptionAllowed True SufficientPods")
    func minAvailableInteger() throws {
        let cluster = try Self.scenario("minAvailable: 2")
        let status = try #require(cluster.budget?.status)
        #expect(status.currentHealthy == 3)
        #expect(status.desiredHealthy == 2)
        #expect(status.expectedPods == 3)
        #expect(status.disruptionsAllowed == 1)
        #expect(status.observedGeneration == cluster.budget?.metadata.generation)
        let condition = try #require(status.conditions?.first)
        #expect(condition.type == "DisruptionAllowed")
        #expect(condition.status == "True")
        #expect(condition.reason == "SufficientPods")
    }

    @Test("Percentages are of the controllers' scale, rounded up: maxUnavailable 50% of 3 is 2, minAvailable 50% of 3 is 2")
    func percentages() throws {
        let unavailable = try Self.scenario("maxUnavailable: 50%")
        #expect(unavailable.budget?.status?.desiredHealthy == 1)
        #expect(unavailable.budget?.status?.disruptionsAllowed == 2)
        let available = try Self.scenario("minAvailable: 50%")
        #expect(available.budget?.status?.desiredHealthy == 2)
        #expect(available.budget?.status?.disruptionsAllowed == 1)
        let one = try Self.scenario("maxUnavailable: 1")
        #expect(one.budget?.status?.expectedPods == 3)
        #expect(one.budget?.status?.disruptionsAllowed == 1)
    }

    @Test("Pods that are not ready are not healthy: no disruptions while the pods start (InsufficientPods)")
    func unreadyPods() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: 3) + "\n---\n" + AutoscalingFixtures.pdb("minAvailable: 2"))
        #expect(cluster.budget?.status?.currentHealthy == 0)
        #expect(cluster.budget?.status?.disruptionsAllowed == 0)
        #expect(cluster.budget?.status?.conditions?.first?.reason == "InsufficientPods")
    }

    @Test("An eviction the budget cannot afford is refused with 429 and upstream's message")
    func evictionRefused() throws {
        let cluster = try Self.scenario("minAvailable: 3")
        #expect(cluster.budget?.status?.disruptionsAllowed == 0)
        let pod = try #require(cluster.pods(labelled: "web").first?.metadata.name)
        #expect(throws: APIError(reason: "TooManyRequests", message: "Cannot evict pod as it would violate the pod's disruption budget.")) {
            try cluster.evict(.pod(pod))
        }
        #expect(cluster.pod(pod)?.metadata.deletionTimestamp == nil)
    }

    @Test("An allowed eviction takes one disruption, notes the pod in disruptedPods and deletes it gracefully; a second one at once is refused")
    func evictionAccepted() throws {
        let cluster = try Self.scenario("minAvailable: 2")
        let pods = cluster.pods(labelled: "web").compactMap(\.metadata.name).sorted()
        try cluster.evict(.pod(pods[0]))
        #expect(cluster.pod(pods[0])?.metadata.deletionTimestamp != nil)
        let status = try #require(cluster.budget?.status)
        #expect(status.disruptionsAllowed == 0)
        #expect(status.disruptedPods == [pods[0]: cluster.now.rfc3339])
        #expect(status.conditions?.first?.reason == "InsufficientPods")
        #expect(throws: APIError(reason: "TooManyRequests", message: Cluster.disruptionBudgetMessage)) { try cluster.evict(.pod(pods[1])) }
        // The replacement (image cached, so ready at once here) restores the budget.
        try cluster.settle()
        #expect(cluster.pod(pods[0]) == nil)
        #expect(cluster.budget?.status?.currentHealthy == 3)
        #expect(cluster.budget?.status?.disruptedPods == nil)
        #expect(cluster.budget?.status?.disruptionsAllowed == 1)
    }

    @Test("countHealthyPods: a pod in disruptedPods is not healthy for DeletionTimeout (2 minutes), nor is a terminating one")
    func disruptedPodsNotHealthy() throws {
        let cluster = try Self.scenario("minAvailable: 2")
        let pods = cluster.pods(labelled: "web").sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
        let evicted = [pods[0].metadata.name ?? "": cluster.now]
        #expect(DisruptionController.countHealthy(pods, disrupted: evicted, at: cluster.now + .seconds(119)) == 2)
        #expect(DisruptionController.countHealthy(pods, disrupted: evicted, at: cluster.now + .seconds(120)) == 3)
        var terminating = pods[1]
        terminating.metadata.deletionTimestamp = cluster.now.rfc3339
        #expect(DisruptionController.countHealthy([pods[0], terminating, pods[2]], disrupted: [:], at: cluster.now) == 2)
    }

    @Test("Drain with 2 of 3 pods under minAvailable 2 evicts one, retries the other every 5 s until the replacement is ready elsewhere, then evicts it")
    func drainRespectsBudget() throws {
        let cluster = Cluster()
        try cluster.setNode("worker-3", .cordon)
        try cluster.apply(yaml: WorkloadFixtures.deployment(replicas: 3) + "\n---\n" + AutoscalingFixtures.pdb("minAvailable: 2"), file: "web.yaml")
        try cluster.advance(by: .seconds(30))
        let byNode = Dictionary(grouping: cluster.pods(labelled: "web"), by: { $0.spec?.nodeName ?? "" })
        let (node, pods) = try #require(byNode.first { $0.value.count == 2 })
        try cluster.setNode("worker-3", .uncordon)
        let names = pods.compactMap(\.metadata.name).sorted()
        let report = try cluster.drainNode(node)
        #expect(report.failure == nil)
        #expect(Array(report.lines.prefix(3)) == [
            "evicting pod default/\(names[0])",
            "evicting pod default/\(names[1])",
            "error when evicting pods/\"\(names[1])\" -n \"default\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.",
        ])
        #expect(report.evicted == names.map { "default/\($0)" })
        #expect(report.lines.last == "pod/\(names[1]) evicted")
        // The second pod went only after the first was gone and its replacement counted.
        let firstGone = try #require(report.lines.firstIndex(of: "pod/\(names[0]) evicted"))
        #expect(report.lines.lastIndex(of: "evicting pod default/\(names[1])") ?? 0 > firstGone)
        let web = cluster.pods(labelled: "web").filter { $0.metadata.deletionTimestamp == nil }
        #expect(web.count == 3)
        #expect(web.allSatisfy { $0.spec?.nodeName != node })
        #expect(cluster.budget?.status?.currentHealthy ?? 0 >= 2)
    }

    @Test("A drain the budget never allows stops at the timeout with kubectl's global timeout error")
    func drainTimeout() throws {
        let cluster = try Self.scenario("minAvailable: 3")
        let node = try #require(cluster.pods(labelled: "web").first?.spec?.nodeName)
        let pod = try #require(cluster.pods(labelled: "web").first { $0.spec?.nodeName == node }?.metadata.name)
        let report = try cluster.drainNode(node, timeout: .seconds(30))
        #expect(report.failure == "unable to drain node \"\(node)\" due to error: error when evicting pods/\"\(pod)\" -n \"default\": global timeout reached: 30s, continuing command...")
        #expect(report.evicted.isEmpty)
        #expect(cluster.pod(pod)?.metadata.deletionTimestamp == nil)
    }

    @Test("Drain with --ignore-daemonsets and --force warns as kubectl does, leaves DaemonSet pods and skips mirror pods")
    func drainWarnings() throws {
        // A mirror pod: what the kubelet posts for a static pod (annotation kubernetes.io/config.mirror).
        let cluster = try cluster(podYAML() + "\n---\n" + """
            apiVersion: v1
            kind: Pod
            metadata: {name: static, annotations: {kubernetes.io/config.mirror: abc}}
            spec:
              nodeName: worker-1
              containers: [{name: app, image: "nginx:1.27"}]
            """ + "\n---\n" + Workloads.daemonSet())
        try cluster.advance(by: .seconds(10))
        let agent = try #require(cluster.pods(labelled: "agent").first { $0.spec?.nodeName == "worker-1" }?.metadata.name)
        let report = try cluster.drainNode("worker-1", force: true, ignoreDaemonSets: true)
        #expect(report.lines == [
            "Warning: ignoring DaemonSet-managed Pods: default/\(agent)",
            "Warning: deleting Pods that declare no controller: default/web",
            "evicting pod default/web",
            "pod/web evicted",
        ])
        #expect(cluster.pod(agent)?.metadata.deletionTimestamp == nil)
        #expect(cluster.pod("static") != nil)
    }
}
