import KubeModel
import Testing
@testable import KubeSim

/// Upstream: pkg/controller/deployment (deployment_controller.go, sync.go, rolling.go,
/// recreate.go, progress.go, util/deployment_util.go) at v1.33.
@Suite("Deployment controller")
struct DeploymentControllerTests {
    static let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")

    @Test("The new ReplicaSet is <deployment>-<pod-template-hash>, labelled and selected by the hash, revision 1, scaled up \"from 0 to 3\"")
    func createsReplicaSet() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        let set = try #require(cluster.replicaSets().first)
        let hash = try #require(set.metadata.labels?["pod-template-hash"])
        #expect(set.metadata.name == "web-\(hash)")
        #expect(hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
        #expect(set.spec?.selector.matchLabels == ["app": "web", "pod-template-hash": hash])
        #expect(set.spec?.template?.metadata?.labels == ["app": "web", "pod-template-hash": hash])
        #expect(set.metadata.annotations?["deployment.kubernetes.io/revision"] == "1")
        #expect(set.metadata.annotations?["deployment.kubernetes.io/desired-replicas"] == "3")
        #expect(set.metadata.annotations?["deployment.kubernetes.io/max-replicas"] == "4")
        #expect(cluster.deployment()?.metadata.annotations?["deployment.kubernetes.io/revision"] == "1")
        #expect(cluster.eventMessages(Self.key, reason: "ScalingReplicaSet") == ["Scaled up replica set web-\(hash) from 0 to 3"])
        // The same template hashes the same in another cluster (a stable hash of the template).
        let again = try KubeSimTests.cluster(WorkloadFixtures.deployment())
        let other = try KubeSimTests.cluster(WorkloadFixtures.deployment(image: "nginx:1.26"))
        #expect(again.replicaSets().first?.metadata.name == set.metadata.name)
        #expect(other.replicaSets().first?.metadata.name != set.metadata.name)
    }

    @Test("ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and 0/0 becomes 0/1")
    func fenceposts() {
        #expect(DeploymentUtil.resolveFenceposts(maxSurge: .string("25%"), maxUnavailable: .string("25%"), desired: 10) == (3, 2))
        #expect(DeploymentUtil.resolveFenceposts(maxSurge: .string("25%"), maxUnavailable: .string("25%"), desired: 3) == (1, 0))
        #expect(DeploymentUtil.resolveFenceposts(maxSurge: .int(0), maxUnavailable: .int(0), desired: 5) == (0, 1))
        #expect(DeploymentUtil.resolveFenceposts(maxSurge: .int(2), maxUnavailable: .string("50%"), desired: 5) == (2, 2))
    }

    @Test("Conditions: Available MinimumReplicasUnavailable then MinimumReplicasAvailable; Progressing NewReplicaSetCreated, ReplicaSetUpdated, NewReplicaSetAvailable")
    func conditions() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        let setName = try #require(cluster.replicaSets().first?.metadata.name)
        let available = try #require(cluster.deployment()?.status?.conditions?.first { $0.type == "Available" })
        #expect(available.status == "False")
        #expect(available.reason == "MinimumReplicasUnavailable")
        #expect(available.message == "Deployment does not have minimum availability.")
        // The new ReplicaSet's pods exist at once, so the rollout is already progressing.
        #expect(cluster.progressing()?.reason == "ReplicaSetUpdated")
        #expect(cluster.progressing()?.message == "ReplicaSet \"\(setName)\" is progressing.")
        try cluster.advance(by: .seconds(30))
        let ready = try #require(cluster.deployment()?.status?.conditions?.first { $0.type == "Available" })
        #expect(ready.status == "True")
        #expect(ready.reason == "MinimumReplicasAvailable")
        #expect(ready.message == "Deployment has minimum availability.")
        #expect(cluster.progressing()?.status == "True")
        #expect(cluster.progressing()?.reason == "NewReplicaSetAvailable")
        #expect(cluster.progressing()?.message == "ReplicaSet \"\(setName)\" has successfully progressed.")
        try cluster.setImage("nginx:1.26")
        let newName = try #require(cluster.replicaSets().last?.metadata.name)
        try cluster.advance(by: .seconds(1))
        #expect(cluster.progressing()?.reason == "ReplicaSetUpdated")
        #expect(cluster.progressing()?.message == "ReplicaSet \"\(newName)\" is progressing.")
        let status = try #require(cluster.deployment()?.status)
        #expect(status.observedGeneration == 2)
    }

    @Test("Progressing stays NewReplicaSetCreated while no pod can be made; the ReplicaSet's ReplicaFailure is copied to the Deployment")
    func newReplicaSetCreated() throws {
        let quota = """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: none}
            spec:
              hard: {pods: "0"}
            """
        let cluster = try cluster(quota)
        try cluster.apply(yaml: WorkloadFixtures.deployment(), file: "web.yaml")
        try cluster.advance(by: .seconds(5))
        let setName = try #require(cluster.replicaSets().first?.metadata.name)
        #expect(cluster.progressing()?.status == "True")
        #expect(cluster.progressing()?.reason == "NewReplicaSetCreated")
        #expect(cluster.progressing()?.message == "Created new replica set \"\(setName)\"")
        let failure = try #require(cluster.deployment()?.status?.conditions?.first { $0.type == "ReplicaFailure" })
        #expect(failure.status == "True")
        #expect(failure.reason == "FailedCreate")
        #expect(failure.message?.hasSuffix("is forbidden: exceeded quota: none, requested: pods=1, used: pods=0, limited: pods=0") == true)
    }

    @Test("A rolling update of 10 replicas with 25%/25% never has fewer than 8 available pods nor more than 13 pods, at any second")
    func rollingUpdateBounds() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: 10))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.deployment()?.status?.availableReplicas == 10)
        try cluster.setImage("nginx:1.26")
        var minimumAvailable = Int.max, maximumPods = 0
        for _ in 0..<120 {
            let pods = cluster.pods(labelled: "web")
            maximumPods = max(maximumPods, pods.count)
            minimumAvailable = min(minimumAvailable, pods.filter { $0.metadata.deletionTimestamp == nil && PodConditions.isReady($0) }.count)
            try cluster.advance(by: .seconds(1))
        }
        #expect(minimumAvailable >= 8)
        #expect(maximumPods <= 13)
        // The bounds were reached, so the test would see a controller that ignores them.
        #expect(maximumPods == 13)
        #expect(minimumAvailable == 8)
        let status = try #require(cluster.deployment()?.status)
        #expect(status.updatedReplicas == 10 && status.availableReplicas == 10 && status.replicas == 10)
        #expect(cluster.pods(labelled: "web").allSatisfy { $0.spec?.containers.first?.image == "nginx:1.26" })
    }

    @Test("Recreate scales the old ReplicaSet to 0 and waits for its pods to be gone before the new one gets pods")
    func recreate() throws {
        let strategy = "  strategy: {type: Recreate}"
        let cluster = try cluster(WorkloadFixtures.deployment(strategy: strategy))
        try cluster.advance(by: .seconds(30))
        try cluster.setImage("nginx:1.26")
        var sawOverlap = false
        for _ in 0..<60 {
            let images = Set(cluster.pods(labelled: "web").map { $0.spec?.containers.first?.image ?? "" })
            if images.count > 1 { sawOverlap = true }
            try cluster.advance(by: .seconds(1))
        }
        #expect(!sawOverlap)
        let sets = cluster.replicaSets()
        #expect(sets.count == 2)
        let messages = cluster.eventMessages(Self.key, reason: "ScalingReplicaSet")
        #expect(messages == ["Scaled up replica set \(sets[0].metadata.name ?? "") from 0 to 3",
                             "Scaled down replica set \(sets[0].metadata.name ?? "") from 3 to 0",
                             "Scaled up replica set \(sets[1].metadata.name ?? "") from 0 to 3"])
        #expect(cluster.pods(labelled: "web").count == 3)
    }

    @Test("revisionHistoryLimit 2 keeps the 2 newest old ReplicaSets and deletes older ones")
    func revisionHistoryLimit() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(extraSpec: "  revisionHistoryLimit: 2"))
        try cluster.advance(by: .seconds(30))
        for image in ["nginx:1.26", "nginx:1.25", "nginx:1.24", "nginx:1.27-alpine"] {
            try cluster.setImage(image)
            try cluster.advance(by: .seconds(60))
        }
        let sets = cluster.replicaSets()
        #expect(sets.map(DeploymentUtil.revision) == [3, 4, 5])
        #expect(sets.map { $0.spec?.template?.spec?.containers.first?.image ?? "" } == ["nginx:1.25", "nginx:1.24", "nginx:1.27-alpine"])
        #expect(sets.prefix(2).allSatisfy { $0.spec?.replicas == 0 })
    }

    @Test("A bad image stalls the rollout; after progressDeadlineSeconds Progressing is False, ProgressDeadlineExceeded, \"ReplicaSet \\\"web-…\\\" has timed out progressing.\"")
    func progressDeadline() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(extraSpec: "  progressDeadlineSeconds: 60"))
        try cluster.advance(by: .seconds(30))
        try cluster.setImage("nginx:doesnotexist")
        let newName = try #require(cluster.replicaSets().last?.metadata.name)
        try cluster.advance(by: .seconds(50))
        #expect(cluster.progressing()?.reason == "ReplicaSetUpdated")
        #expect(cluster.pods(labelled: "web").contains { $0.status?.containerStatuses?.first?.state?.waiting?.reason == "ImagePullBackOff" })
        try cluster.advance(by: .seconds(30))
        let condition = try #require(cluster.progressing())
        #expect(condition.status == "False")
        #expect(condition.reason == "ProgressDeadlineExceeded")
        #expect(condition.message == "ReplicaSet \"\(newName)\" has timed out progressing.")
        // The old pods keep serving: maxUnavailable 0 of 3 means none were taken away.
        #expect(cluster.deployment()?.status?.availableReplicas == 3)
    }

    @Test("Scaling mid-rollout shares the new replicas in proportion (docs: 10→15 with maxSurge 3 adds 3 to the old and 2 to the new ReplicaSet)")
    func proportionalScaling() throws {
        let strategy = "  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}"
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: 10, strategy: strategy))
        try cluster.advance(by: .seconds(30))
        try cluster.setImage("nginx:doesnotexist")
        try cluster.advance(by: .seconds(30))
        #expect(cluster.replicaSets().map { $0.spec?.replicas ?? 0 } == [8, 5])
        guard var deployment = cluster.deployment() else { return }
        deployment.spec?.replicas = 15
        try cluster.update(.deployment(deployment))
        #expect(cluster.replicaSets().map { $0.spec?.replicas ?? 0 } == [11, 7])
    }

    @Test("A paused Deployment does not roll out a template change; resuming rolls it out (conditions DeploymentPaused, DeploymentResumed)")
    func pauseAndResume() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        try cluster.advance(by: .seconds(30))
        guard var deployment = cluster.deployment() else { return }
        deployment.spec?.paused = true
        try cluster.update(.deployment(deployment))
        #expect(cluster.progressing()?.status == "Unknown")
        #expect(cluster.progressing()?.reason == "DeploymentPaused")
        #expect(cluster.progressing()?.message == "Deployment is paused")
        try cluster.setImage("nginx:1.26")
        try cluster.advance(by: .seconds(30))
        #expect(cluster.replicaSets().count == 1)
        guard var paused = cluster.deployment() else { return }
        paused.spec?.paused = false
        try cluster.update(.deployment(paused))
        #expect(cluster.replicaSets().count == 2)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.progressing()?.reason == "NewReplicaSetAvailable")
    }

    @Test("The rollout continues across a save and reload of the cluster (its state lives in the objects)")
    func survivesReload() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: 6))
        try cluster.advance(by: .seconds(30))
        try cluster.setImage("nginx:1.26")
        try cluster.advance(by: .seconds(1))
        var reloaded = try Cluster.load(json: try cluster.savedJSON())
        for _ in 0..<30 {
            try reloaded.advance(by: .seconds(1))
            reloaded = try Cluster.load(json: try reloaded.savedJSON())
        }
        #expect(reloaded.deployment()?.status?.updatedReplicas == 6)
        #expect(reloaded.deployment()?.status?.availableReplicas == 6)
        #expect(reloaded.progressing()?.reason == "NewReplicaSetAvailable")
    }
}
