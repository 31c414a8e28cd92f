import KubeModel
import Testing
@testable import KubeSim

/// StatefulSet identity, ordering and storage.
/// Upstream: pkg/controller/statefulset/stateful_set_control.go, stateful_set_utils.go and
/// stateful_pod_control.go (v1.33); https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
@Suite("StatefulSet controller")
struct StatefulSetTests {
    @Test("OrderedReady creates web-0, then web-1 only once web-0 is Running and Ready, then web-2")
    func orderedReady() throws {
        let cluster = try cluster(Workloads.statefulSet(container: Workloads.slowReadiness))
        var created: [String: Int64] = [:]
        try cluster.step(60) { cluster in
            for pod in cluster.pods(named: "web-") where created[pod.metadata.name ?? ""] == nil {
                created[pod.metadata.name ?? ""] = cluster.now.seconds
                // stateful_set_control.go processReplica: no pod while a predecessor is not Running and Ready.
                let ordinal = StatefulSetIdentity.ordinal(pod)
                for earlier in 0..<ordinal {
                    let predecessor = try #require(cluster.pod("web-\(earlier)"))
                    #expect(predecessor.status?.phase == "Running" && PodConditions.isReady(predecessor), "web-\(ordinal) created before web-\(earlier) was Ready")
                }
            }
        }
        #expect(created.keys.sorted() == ["web-0", "web-1", "web-2"])
        let web0 = try #require(created["web-0"]), web1 = try #require(created["web-1"]), web2 = try #require(created["web-2"])
        #expect(web0 < web1 && web1 < web2)
        #expect(web1 - web0 >= 10, "the probe makes each pod wait 10s for readiness")
        #expect(cluster.events(of: "StatefulSet", "web").filter { $0.hasPrefix("SuccessfulCreate: create Pod") } == [
            "SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
            "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
            "SuccessfulCreate: create Pod web-2 in StatefulSet web successful",
        ])
    }

    @Test("OrderedReady does not create web-1 while web-0 never becomes Ready")
    func orderedReadyBlocks() throws {
        let cluster = try cluster(Workloads.statefulSet(container: Workloads.neverReady))
        try cluster.advance(by: .minutes(2))
        #expect(cluster.pods(named: "web-").map { $0.metadata.name ?? "" } == ["web-0"])
        #expect(cluster.statefulSet?.status?.replicas == 1)
        #expect(cluster.statefulSet?.status?.readyReplicas == nil)
    }

    @Test("Parallel creates all pods at once, without waiting for readiness")
    func parallel() throws {
        let cluster = try cluster(Workloads.statefulSet(policy: "Parallel", container: Workloads.neverReady))
        #expect(cluster.pods(named: "web-").map { $0.metadata.name ?? "" } == ["web-0", "web-1", "web-2"])
        #expect(Set(cluster.pods(named: "web-").map(\.metadata.creationTimestamp)).count == 1)
    }

    @Test("Pods are named <set>-<ordinal>, labelled pod-name, pod-index and controller-revision-hash, with hostname and subdomain from serviceName")
    func identity() throws {
        let cluster = try cluster(Workloads.statefulSet())
        try cluster.advance(by: .seconds(30))
        let set = try #require(cluster.statefulSet)
        let revision = try #require(set.status?.updateRevision)
        #expect(revision.hasPrefix("web-") && revision.count > 4)
        for ordinal in 0..<3 {
            let pod = try #require(cluster.pod("web-\(ordinal)"))
            #expect(pod.metadata.labels?["statefulset.kubernetes.io/pod-name"] == "web-\(ordinal)")
            #expect(pod.metadata.labels?["apps.kubernetes.io/pod-index"] == "\(ordinal)")
            #expect(pod.metadata.labels?["controller-revision-hash"] == revision)
            #expect(pod.metadata.labels?["app"] == "nginx")
            // initIdentity: the DNS name is <hostname>.<subdomain>.<namespace>.svc.cluster.local.
            #expect(pod.spec?.hostname == "web-\(ordinal)")
            #expect(pod.spec?.subdomain == "nginx")
            #expect(pod.spec?.volumes?.first?.name == "data")
            #expect(pod.spec?.volumes?.first?.persistentVolumeClaim?.claimName == "data-web-\(ordinal)")
            let owner = try #require(ControllerRef.of(.pod(pod)))
            #expect(owner.kind == "StatefulSet" && owner.name == "web" && owner.uid == set.metadata.uid)
        }
    }

    @Test("spec.ordinals.start numbers the pods from start")
    func startOrdinal() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 2, extraSpec: "  ordinals: {start: 5}"))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.pods(named: "web-").map { $0.metadata.name ?? "" } == ["web-5", "web-6"])
        #expect(cluster.claim("data-web-5") != nil && cluster.claim("data-web-0") == nil)
        #expect(cluster.pod("web-6")?.metadata.labels?["apps.kubernetes.io/pod-index"] == "6")
    }

    @Test("A claim <template>-<set>-<ordinal> is created before its pod, with the template's spec and the selector's labels, and the events say so")
    func claims() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 1))
        let claim = try #require(cluster.claim("data-web-0"))
        #expect(claim.metadata.labels == ["app": "nginx"])
        #expect(claim.spec?.accessModes == ["ReadWriteOnce"])
        #expect(claim.spec?.storageClassName == "standard")
        #expect(claim.spec?.resources?.requests?["storage"] == (try Quantity(parsing: "1Gi")))
        #expect(claim.metadata.ownerReferences == nil, "whenDeleted and whenScaled default to Retain: no owners")
        #expect(cluster.events(of: "StatefulSet", "web") == [
            "SuccessfulCreate: create Claim data-web-0 Pod web-0 in StatefulSet web success",
            "SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
        ])
    }

    /// A pod that ignores SIGTERM, so that termination takes its whole grace period.
    static let slowToStop = """
              terminationGracePeriodSeconds: 10
        """

    @Test("Scaling from 3 to 1 deletes web-2, waits for it to terminate, then deletes web-1; their claims stay")
    func scaleDown() throws {
        let manifest = { (replicas: Int) -> String in
            Workloads.statefulSet(replicas: replicas, image: "busybox:1.36",
                                  container: "        command: [sh, -c, \"sleep 3600\"]", pod: Self.slowToStop)
        }
        let cluster = try cluster(manifest(3))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: manifest(1))
        var web1DeletedAt: Int64?, web2GoneAt: Int64?
        try cluster.step(60) { cluster in
            if web2GoneAt == nil, cluster.pod("web-2") == nil { web2GoneAt = cluster.now.seconds }
            if web1DeletedAt == nil, cluster.pod("web-1")?.metadata.deletionTimestamp != nil || cluster.pod("web-1") == nil {
                web1DeletedAt = cluster.now.seconds
                #expect(cluster.pod("web-2")?.metadata.name == nil, "web-1 went while web-2 was still terminating")
            }
        }
        let gone = try #require(web2GoneAt), deleted = try #require(web1DeletedAt)
        #expect(gone >= 40, "web-2 ignores SIGTERM and is killed after its 10s grace period")
        #expect(deleted >= gone)
        #expect(cluster.pods(named: "web-").map { $0.metadata.name ?? "" } == ["web-0"])
        #expect(cluster.events(of: "StatefulSet", "web").filter { $0.hasPrefix("SuccessfulDelete") } == [
            "SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
            "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful",
        ])
        for name in ["data-web-0", "data-web-1", "data-web-2"] { #expect(cluster.claim(name) != nil, "\(name) was deleted") }
        #expect(cluster.statefulSet?.status?.replicas == 1)
    }

    @Test("With whenScaled: Delete, the claims of scaled-down pods are owned by their pods and collected with them")
    func whenScaledDelete() throws {
        let retention = "  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}"
        let cluster = try cluster(Workloads.statefulSet(retention: retention))
        try cluster.advance(by: .seconds(30))
        #expect(cluster.claim("data-web-2")?.metadata.ownerReferences == nil, "pods in range: no owner (Delete on scale-down, Retain with the set)")
        try cluster.apply(yaml: Workloads.statefulSet(replicas: 1, retention: retention))
        try cluster.advance(by: .minutes(2))
        #expect(cluster.claim("data-web-0") != nil)
        #expect(cluster.claim("data-web-1") == nil)
        #expect(cluster.claim("data-web-2") == nil)
    }

    @Test("With whenDeleted: Delete, claims are owned by the set and collected when it is deleted; by default they survive it")
    func whenDeletedDelete() throws {
        let retained = try cluster(Workloads.statefulSet(replicas: 2))
        try retained.advance(by: .seconds(30))
        try retained.delete(ObjectKey(kind: "StatefulSet", namespace: "default", name: "web"))
        try retained.advance(by: .minutes(1))
        #expect(retained.pods(named: "web-").isEmpty)
        #expect(retained.claim("data-web-0") != nil && retained.claim("data-web-1") != nil)

        let deleting = try cluster(Workloads.statefulSet(replicas: 2, retention: "  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}"))
        try deleting.advance(by: .seconds(30))
        let owner = try #require(deleting.claim("data-web-0")?.metadata.ownerReferences?.first)
        #expect(owner.kind == "StatefulSet" && owner.name == "web" && owner.controller == true && owner.blockOwnerDeletion == true)
        try deleting.delete(ObjectKey(kind: "StatefulSet", namespace: "default", name: "web"))
        try deleting.advance(by: .minutes(1))
        #expect(deleting.claim("data-web-0") == nil && deleting.claim("data-web-1") == nil)
    }

    @Test("Scaling back up reuses the retained claim: web-2 mounts data-web-2 again and no claim is created")
    func scaleUpReusesClaim() throws {
        let cluster = try cluster(Workloads.statefulSet())
        try cluster.advance(by: .seconds(30))
        let uid = try #require(cluster.claim("data-web-2")?.metadata.uid)
        try cluster.apply(yaml: Workloads.statefulSet(replicas: 2))
        try cluster.advance(by: .minutes(1))
        try cluster.apply(yaml: Workloads.statefulSet(replicas: 3))
        try cluster.advance(by: .minutes(1))
        #expect(cluster.pod("web-2")?.status?.phase == "Running")
        #expect(cluster.claim("data-web-2")?.metadata.uid == uid)
        #expect(cluster.events(of: "StatefulSet", "web").filter { $0.contains("create Claim data-web-2") }.count == 1)
    }

    @Test("A Failed pod is deleted and recreated with the same name and claim")
    func failedPod() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 2))
        try cluster.advance(by: .seconds(30))
        var pod = try #require(cluster.pod("web-1"))
        let uid = pod.metadata.uid
        pod.status?.phase = "Failed"  // as after an eviction by the kubelet
        cluster.store.updateStatus(.pod(pod))
        try cluster.advance(by: .seconds(30))
        let replacement = try #require(cluster.pod("web-1"))
        #expect(replacement.metadata.uid != uid)
        #expect(replacement.status?.phase == "Running")
        #expect(replacement.spec?.volumes?.first?.persistentVolumeClaim?.claimName == "data-web-1")
        #expect(cluster.events(of: "StatefulSet", "web").suffix(2) == [
            "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful",
            "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
        ])
    }
}
