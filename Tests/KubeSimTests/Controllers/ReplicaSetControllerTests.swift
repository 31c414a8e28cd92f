import KubeModel
import Testing
@testable import KubeSim

/// Upstream: pkg/controller/replicaset/replica_set.go, replica_set_utils.go and
/// pkg/controller/controller_utils.go at v1.33; events from `RealPodControl`.
@Suite("ReplicaSet controller")
struct ReplicaSetControllerTests {
    static let key = ObjectKey(kind: "ReplicaSet", namespace: "default", name: "web")

    static func orphan(_ name: String, extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), labels: {app: web}}
        spec:
          containers:
          - name: app
            image: nginx:1.27
        \(extra)
        """
    }

    @Test("A ReplicaSet creates spec.replicas pods named <rs>-<5 safe characters>, each with a SuccessfulCreate event \"Created pod: …\"")
    func createsReplicas() throws {
        let cluster = try cluster(WorkloadFixtures.replicaSet(replicas: 3))
        let pods = cluster.pods(labelled: "web")
        #expect(pods.count == 3)
        for pod in pods {
            let name = pod.metadata.name ?? ""
            #expect(name.hasPrefix("web-") && name.count == "web-".count + 5)
            #expect(name.dropFirst(4).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
            #expect(ControllerRef.of(.pod(pod))?.name == "web")
            #expect(ControllerRef.of(.pod(pod))?.blockOwnerDeletion == true)
        }
        #expect(cluster.eventMessages(Self.key, reason: "SuccessfulCreate").sorted() == pods.map { "Created pod: \($0.metadata.name ?? "")" }.sorted())
    }

    @Test("Status counts replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and records observedGeneration")
    func status() throws {
        let cluster = try cluster(WorkloadFixtures.replicaSet(replicas: 2))
        #expect(cluster.replicaSet("web")?.status?.readyReplicas == nil)
        try cluster.advance(by: .seconds(10))
        let status = try #require(cluster.replicaSet("web")?.status)
        #expect(status.replicas == 2)
        #expect(status.fullyLabeledReplicas == 2)
        #expect(status.readyReplicas == 2)
        #expect(status.availableReplicas == 2)
        #expect(status.observedGeneration == 1)
    }

    @Test("A matching orphan pod is adopted (it gets the controller reference) and no extra pod is created")
    func adoptsOrphan() throws {
        let cluster = try cluster(Self.orphan("stray"))
        try cluster.apply(yaml: WorkloadFixtures.replicaSet(replicas: 2), file: "rs.yaml")
        try cluster.advance(by: .seconds(10))
        let pods = cluster.pods(labelled: "web")
        #expect(pods.count == 2)
        let stray = try #require(cluster.pod("stray"))
        #expect(ControllerRef.of(.pod(stray))?.uid == cluster.replicaSet("web")?.metadata.uid)
        #expect(cluster.eventMessages(Self.key, reason: "SuccessfulCreate").count == 1)
    }

    @Test("A pod whose labels stop matching is released (owner reference removed) and replaced")
    func releasesPod() throws {
        let cluster = try cluster(WorkloadFixtures.replicaSet(replicas: 1))
        let original = try #require(cluster.pods(labelled: "web").first?.metadata.name)
        try cluster.label(.pod(original), ["app=other"], overwrite: true)
        let released = try #require(cluster.pod(original))
        #expect(released.metadata.ownerReferences == nil)
        #expect(cluster.pods(labelled: "web").count == 1)
        #expect(cluster.pods(labelled: "web").first?.metadata.name != original)
    }

    @Test("Deleting a pod of a ReplicaSet gets it replaced by a new pod")
    func replacesDeletedPod() throws {
        let cluster = try cluster(WorkloadFixtures.replicaSet(replicas: 2))
        try cluster.advance(by: .seconds(10))
        let victim = try #require(cluster.pods(labelled: "web").first?.metadata.name)
        try cluster.delete(.pod(victim))
        try cluster.advance(by: .seconds(5))
        let names = cluster.pods(labelled: "web").map { $0.metadata.name ?? "" }
        #expect(names.count == 2)
        #expect(!names.contains(victim))
        #expect(cluster.eventMessages(Self.key, reason: "SuccessfulCreate").count == 3)
    }

    @Test("Scale-down deletes a not-ready pod before a ready one, even an older not-ready pod (ActivePodsWithRanks rule 3 before rule 8)")
    func scaleDownPrefersNotReady() throws {
        // Older than the ReplicaSet's own pod, Running, but never ready (its readiness probe gets 404).
        let cluster = try cluster(Self.orphan("unready", extra: """
                readinessProbe:
                  httpGet: {path: /missing, port: 80}
                  periodSeconds: 1
            """))
        try cluster.advance(by: .seconds(5))
        try cluster.apply(yaml: WorkloadFixtures.replicaSet(replicas: 2), file: "rs.yaml")
        try cluster.advance(by: .seconds(10))
        #expect(cluster.pod("unready")?.status?.phase == "Running")
        #expect(cluster.pod("unready").map(PodConditions.isReady) == false)
        let ready = try #require(cluster.pods(labelled: "web").first { $0.metadata.name != "unready" })
        #expect(PodConditions.isReady(ready))
        try cluster.apply(yaml: WorkloadFixtures.replicaSet(replicas: 1), file: "rs.yaml")
        #expect(cluster.eventMessages(Self.key, reason: "SuccessfulDelete") == ["Deleted pod: unready"])
        try cluster.advance(by: .seconds(40))
        #expect(cluster.pods(labelled: "web").map { $0.metadata.name ?? "" } == [ready.metadata.name ?? ""])
    }

    @Test("Scale-down deletes an unscheduled pod before a scheduled one (rule 1), and a newer pod before an older one (rule 8)")
    func scaleDownOrder() throws {
        let unscheduled = PodDeletionOrder.Ranked(pod: Self.pod("a", node: nil, phase: "Pending", ready: false, created: 0), rank: 0)
        let scheduled = PodDeletionOrder.Ranked(pod: Self.pod("b", node: "worker-1", phase: "Pending", ready: false, created: 100), rank: 0)
        #expect(PodDeletionOrder.isPreferred(unscheduled, over: scheduled, now: VirtualTime(seconds: 1000)))
        #expect(!PodDeletionOrder.isPreferred(scheduled, over: unscheduled, now: VirtualTime(seconds: 1000)))
        // Created 10s and 10000s ago: different log2 buckets, so the newer goes first.
        let newer = PodDeletionOrder.Ranked(pod: Self.pod("c", node: "worker-1", phase: "Running", ready: false, created: 9990), rank: 0)
        let older = PodDeletionOrder.Ranked(pod: Self.pod("d", node: "worker-1", phase: "Running", ready: false, created: 0), rank: 0)
        #expect(PodDeletionOrder.isPreferred(newer, over: older, now: VirtualTime(seconds: 10000)))
        // A pod doubled up on its node goes before one alone (rule 5).
        let crowded = PodDeletionOrder.Ranked(pod: Self.pod("e", node: "worker-1", phase: "Running", ready: false, created: 0), rank: 3)
        #expect(PodDeletionOrder.isPreferred(crowded, over: newer, now: VirtualTime(seconds: 10000)))
    }

    static func pod(_ name: String, node: String?, phase: String, ready: Bool, created: Int64) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.uid = name
        pod.metadata.creationTimestamp = VirtualTime(seconds: created).rfc3339
        pod.spec = PodSpec()
        pod.spec?.nodeName = node
        pod.status = PodStatus()
        pod.status?.phase = phase
        var condition = PodCondition()
        condition.type = "Ready"
        condition.status = ready ? "True" : "False"
        pod.status?.conditions = [condition]
        return pod
    }

    static let quota = """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: pod-quota}
        spec:
          hard: {pods: "2"}
        """

    @Test("Creation past a quota: FailedCreate \"Error creating: pods \\\"…\\\" is forbidden: exceeded quota…\" and the ReplicaFailure condition with reason FailedCreate")
    func failedCreate() throws {
        let cluster = try cluster(Self.quota)
        try cluster.apply(yaml: WorkloadFixtures.replicaSet(replicas: 5), file: "rs.yaml")
        #expect(cluster.pods(labelled: "web").count == 2)
        let failures = cluster.eventMessages(Self.key, reason: "FailedCreate")
        let message = try #require(failures.first)
        #expect(message.hasPrefix("Error creating: pods \"web-"))
        #expect(message.hasSuffix("\" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=2, limited: pods=2"))
        let condition = try #require(cluster.replicaSet("web")?.status?.conditions?.first)
        #expect(condition.type == "ReplicaFailure")
        #expect(condition.status == "True")
        #expect(condition.reason == "FailedCreate")
        #expect(condition.message == String(message.dropFirst("Error creating: ".count)))
    }

    @Test("Pods are created in slow-start batches 1, 2, 4…: a batch with a failure ends the sync (slowStartBatch)")
    func slowStart() throws {
        let cluster = try cluster(Self.quota)
        var set = ReplicaSet()
        set.metadata.name = "web"
        set.metadata.namespace = "default"
        set.spec = ReplicaSetSpec()
        set.spec?.replicas = 10
        set.spec?.selector.matchLabels = ["app": "web"]
        set.spec?.template = PodTemplateSpec()
        set.spec?.template?.metadata = ObjectMeta()
        set.spec?.template?.metadata?.labels = ["app": "web"]
        var container = Container()
        container.name = "app"
        container.image = "nginx:1.27"
        set.spec?.template?.spec = PodSpec()
        set.spec?.template?.spec?.containers = [container]
        guard case .replicaSet(let stored) = try cluster.store.create(.replicaSet(set)) else { return }
        let error = ReplicaSetScaling(client: ControllerClient(cluster), set: stored, now: cluster.now).manage([])
        #expect(error?.reason == "Forbidden")
        // Batch 1 (one pod) succeeds; batch 2 creates one pod and fails once; batches 4 and 3 never run.
        #expect(cluster.store.events(about: Self.key).map(\.reason) == ["SuccessfulCreate", "SuccessfulCreate", "FailedCreate"])
    }

    @Test("availableReplicas waits for minReadySeconds after the pods are ready")
    func minReadySeconds() throws {
        let manifest = WorkloadFixtures.replicaSet(replicas: 2).replacingOccurrences(of: "  replicas: 2", with: "  replicas: 2\n  minReadySeconds: 20")
        let cluster = try cluster(manifest)
        try cluster.advance(by: .seconds(10))
        #expect(cluster.replicaSet("web")?.status?.readyReplicas == 2)
        #expect(cluster.replicaSet("web")?.status?.availableReplicas == nil)
        try cluster.advance(by: .seconds(20))
        #expect(cluster.replicaSet("web")?.status?.availableReplicas == 2)
    }
}
