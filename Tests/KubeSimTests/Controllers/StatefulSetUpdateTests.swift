import Foundation
import KubeModel
import Testing
@testable import KubeSim

/// StatefulSet update strategies and revisions.
/// Upstream: stateful_set_control.go `updateStatefulSet` (RollingUpdate, partition, OnDelete),
/// stateful_set_utils.go `newVersionedStatefulSetPod`, `completeRollingUpdate`, v1.33;
/// https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/#updating-statefulsets
@Suite("StatefulSet updates")
struct StatefulSetUpdateTests {
    static func rolling(_ partition: Int) -> String { "  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: \(partition)}}" }

    func image(_ cluster: Cluster, _ name: String) -> String? { cluster.pod(name)?.spec?.containers.first?.image }

    @Test("A RollingUpdate with partition 2 on 3 replicas updates only web-2; web-0 and web-1 keep the current revision")
    func partition() throws {
        let cluster = try cluster(Workloads.statefulSet(strategy: Self.rolling(2)))
        try cluster.advance(by: .seconds(30))
        let oldRevision = try #require(cluster.statefulSet?.status?.currentRevision)
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: Self.rolling(2)))
        try cluster.advance(by: .minutes(2))
        #expect(image(cluster, "web-2") == "nginx:1.27-alpine")
        #expect(image(cluster, "web-1") == "nginx:1.27")
        #expect(image(cluster, "web-0") == "nginx:1.27")
        let status = try #require(cluster.statefulSet?.status)
        #expect(status.currentRevision == oldRevision)
        #expect(status.updateRevision != oldRevision)
        #expect(cluster.pod("web-2")?.metadata.labels?["controller-revision-hash"] == status.updateRevision)
        #expect(cluster.pod("web-0")?.metadata.labels?["controller-revision-hash"] == oldRevision)
        #expect(status.updatedReplicas == 1 && status.currentReplicas == 2 && status.readyReplicas == 3)
        #expect(cluster.events(of: "StatefulSet", "web").filter { $0.hasPrefix("SuccessfulDelete") } == [
            "SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
        ])
    }

    @Test("Below the partition, a deleted pod comes back at the current revision, even after the template changed")
    func recreatedBelowPartition() throws {
        let cluster = try cluster(Workloads.statefulSet(strategy: Self.rolling(2)))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: Self.rolling(2)))
        try cluster.advance(by: .minutes(1))
        try cluster.delete(.pod("web-0"))
        try cluster.advance(by: .minutes(1))
        #expect(image(cluster, "web-0") == "nginx:1.27")
        #expect(cluster.pod("web-0")?.metadata.labels?["controller-revision-hash"] == cluster.statefulSet?.status?.currentRevision)
    }

    @Test("A RollingUpdate goes from the highest ordinal down, one pod at a time, each after the one above is Running and Ready")
    func rollingOrder() throws {
        let cluster = try cluster(Workloads.statefulSet(container: Workloads.slowReadiness))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", container: Workloads.slowReadiness))
        var deletions: [String] = []
        try cluster.step(180) { cluster in
            for ordinal in 0..<3 where !deletions.contains("web-\(ordinal)") {
                guard let pod = cluster.pod("web-\(ordinal)"), pod.metadata.deletionTimestamp != nil || pod.spec?.containers.first?.image == "nginx:1.27-alpine" else { continue }
                deletions.append("web-\(ordinal)")
                for above in ordinal + 1..<3 {
                    let higher = try #require(cluster.pod("web-\(above)"))
                    #expect(higher.spec?.containers.first?.image == "nginx:1.27-alpine" && PodConditions.isReady(higher), "web-\(ordinal) replaced before web-\(above) was updated and Ready")
                }
            }
        }
        #expect(deletions == ["web-2", "web-1", "web-0"])
        let status = try #require(cluster.statefulSet?.status)
        // completeRollingUpdate: every replica updated and ready, so the update revision is current.
        #expect(status.currentRevision == status.updateRevision)
        #expect(status.currentReplicas == 3 && status.updatedReplicas == 3)
        #expect(cluster.statefulSet?.metadata.annotations?[StatefulSetRevisions.currentRevisionAnnotation]?.contains("nginx:1.27-alpine") == true)
    }

    @Test("A rolling update to an image that cannot be pulled stops at web-2: an unhealthy updated pod blocks the rest")
    func brokenUpdateStalls() throws {
        let cluster = try cluster(Workloads.statefulSet())
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:9.99"))
        try cluster.advance(by: .minutes(5))
        #expect(image(cluster, "web-2") == "nginx:9.99")
        #expect(cluster.pod("web-2")?.status?.containerStatuses?.first?.state?.waiting?.reason == "ImagePullBackOff")
        #expect(image(cluster, "web-1") == "nginx:1.27" && cluster.pod("web-1")?.metadata.deletionTimestamp == nil)
        #expect(image(cluster, "web-0") == "nginx:1.27")
    }

    @Test("maxUnavailable does not speed up a rolling update in v1.33: MaxUnavailableStatefulSet is alpha (beta only in 1.35), so pods still go one at a time")
    func maxUnavailableIgnored() throws {
        let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 3}}"
        let cluster = try cluster(Workloads.statefulSet(strategy: strategy, container: Workloads.slowReadiness))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: strategy, container: Workloads.slowReadiness))
        try cluster.step(120) { cluster in
            let replacing = cluster.pods(named: "web-").filter { $0.metadata.deletionTimestamp != nil || !PodConditions.isReady($0) }
            #expect(replacing.count <= 1, "at \(cluster.now): \(replacing.map { $0.metadata.name ?? "" }) down at once")
        }
        #expect((0..<3).map { image(cluster, "web-\($0)") } == ["nginx:1.27-alpine", "nginx:1.27-alpine", "nginx:1.27-alpine"])
    }

    @Test("Lowering the partition to 0 rolls the remaining pods")
    func lowerPartition() throws {
        let cluster = try cluster(Workloads.statefulSet(strategy: Self.rolling(2)))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: Self.rolling(2)))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: Self.rolling(0)))
        try cluster.advance(by: .minutes(3))
        #expect((0..<3).map { image(cluster, "web-\($0)") } == ["nginx:1.27-alpine", "nginx:1.27-alpine", "nginx:1.27-alpine"])
    }

    @Test("OnDelete: a template change replaces no pod; a pod deleted by hand comes back at the update revision")
    func onDelete() throws {
        let strategy = "  updateStrategy: {type: OnDelete}"
        let cluster = try cluster(Workloads.statefulSet(strategy: strategy))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: strategy))
        try cluster.advance(by: .minutes(2))
        #expect((0..<3).map { image(cluster, "web-\($0)") } == ["nginx:1.27", "nginx:1.27", "nginx:1.27"])
        try cluster.delete(.pod("web-1"))
        try cluster.advance(by: .minutes(1))
        #expect(image(cluster, "web-1") == "nginx:1.27-alpine")
        #expect(cluster.statefulSet?.status?.updatedReplicas == 1)
    }

    @Test("A rolling update in progress continues after the cluster is saved and loaded: the controller keeps no state in memory")
    func savedMidUpdate() throws {
        let cluster = try cluster(Workloads.statefulSet(container: Workloads.slowReadiness))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.statefulSet(image: "nginx:1.27-alpine", strategy: Self.rolling(1), container: Workloads.slowReadiness))
        try cluster.advance(by: .seconds(5))
        let reloaded = try Cluster.load(json: try cluster.savedJSON())
        try reloaded.advance(by: .minutes(3))
        #expect((0..<3).map { image(reloaded, "web-\($0)") } == ["nginx:1.27", "nginx:1.27-alpine", "nginx:1.27-alpine"])
        try reloaded.delete(.pod("web-0"))
        try reloaded.advance(by: .minutes(1))
        #expect(image(reloaded, "web-0") == "nginx:1.27", "the current revision's template survives the reload")
    }

    @Test("availableReplicas counts pods Ready for minReadySeconds; readyReplicas counts them at once")
    func minReadySeconds() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 1, extraSpec: "  minReadySeconds: 20"))
        try cluster.advance(by: .seconds(5))
        #expect(cluster.statefulSet?.status?.readyReplicas == 1)
        #expect(cluster.statefulSet?.status?.availableReplicas == 0)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.statefulSet?.status?.availableReplicas == 1)
    }
}
