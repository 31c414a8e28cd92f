import KubeModel
import Testing
@testable import KubeSim

/// Claim binding, provisioning and reclaiming.
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go and index.go (v1.33),
/// component-helpers/storage/volume/pv_helpers.go `FindMatchingVolume`;
/// https://kubernetes.io/docs/concepts/storage/persistent-volumes/
@Suite("PersistentVolume controller")
struct PersistentVolumeTests {
    /// index.go findByClaim / FindMatchingVolume: "find the smallest matching one".
    @Test("A 3Gi claim binds to the smallest volume that fits: 5Gi among 1Gi, 5Gi and 10Gi")
    func smallestMatch() throws {
        let cluster = try cluster([Storage.volume("pv-1g", size: "1Gi"), Storage.volume("pv-5g", size: "5Gi"),
                                   Storage.volume("pv-10g", size: "10Gi"), Storage.claim(size: "3Gi", className: "")].joined(separator: "\n---\n"))
        let claim = try #require(cluster.claim("data"))
        #expect(claim.status?.phase == "Bound")
        #expect(claim.spec?.volumeName == "pv-5g")
        #expect(claim.status?.capacity?["storage"] == (try Quantity(parsing: "5Gi")), "capacity comes from the volume, not the request")
        #expect(claim.status?.accessModes == ["ReadWriteOnce"])
        #expect(claim.metadata.annotations?["pv.kubernetes.io/bind-completed"] == "yes")
        #expect(claim.metadata.annotations?["pv.kubernetes.io/bound-by-controller"] == "yes")
        let volume = try #require(cluster.volume("pv-5g"))
        #expect(volume.status?.phase == "Bound")
        #expect(volume.spec?.claimRef?.name == "data" && volume.spec?.claimRef?.namespace == "default" && volume.spec?.claimRef?.uid == claim.metadata.uid)
        #expect(volume.metadata.annotations?["pv.kubernetes.io/bound-by-controller"] == "yes")
        #expect(cluster.volume("pv-1g")?.status?.phase == "Available" && cluster.volume("pv-10g")?.status?.phase == "Available")
    }

    /// syncUnboundClaim: no match and no class → FailedBinding (an event of type Normal upstream).
    @Test("A claim whose access modes no volume offers stays Pending with FailedBinding")
    func accessModeMismatch() throws {
        let cluster = try cluster([Storage.volume("pv-5g", size: "5Gi"), Storage.claim(size: "1Gi", modes: "[ReadWriteMany]", className: "")].joined(separator: "\n---\n"))
        #expect(cluster.claim("data")?.status?.phase == "Pending")
        #expect(cluster.claim("data")?.spec?.volumeName == nil)
        #expect(cluster.volume("pv-5g")?.status?.phase == "Available")
        #expect(cluster.events(of: "PersistentVolumeClaim", "data").contains("FailedBinding: no persistent volumes available for this claim and no storage class is set"))
    }

    /// index.go allPossibleMatchingAccessModes: groups with fewer modes are tried first.
    @Test("A ReadWriteOnce claim prefers a volume offering only ReadWriteOnce over a bigger superset of modes")
    func fewestModesFirst() throws {
        let cluster = try cluster([Storage.volume("pv-rwo-rwx", size: "2Gi", modes: "[ReadWriteOnce, ReadWriteMany]"),
                                   Storage.volume("pv-rwo", size: "8Gi"), Storage.claim(size: "1Gi", className: "")].joined(separator: "\n---\n"))
        #expect(cluster.claim("data")?.spec?.volumeName == "pv-rwo")
    }

    @Test("A claim naming its volume (spec.volumeName) binds to it even when a smaller one fits")
    func preBoundClaim() throws {
        let cluster = try cluster([Storage.volume("pv-2g", size: "2Gi"), Storage.volume("pv-9g", size: "9Gi"),
                                   Storage.claim(size: "1Gi", className: "", extraSpec: "  volumeName: pv-9g")].joined(separator: "\n---\n"))
        let claim = try #require(cluster.claim("data"))
        #expect(claim.status?.phase == "Bound" && claim.spec?.volumeName == "pv-9g")
        #expect(claim.metadata.annotations?["pv.kubernetes.io/bound-by-controller"] == nil, "the user chose the volume")
        #expect(cluster.volume("pv-9g")?.metadata.annotations?["pv.kubernetes.io/bound-by-controller"] == "yes")
    }

    @Test("A volume reserved for a claim (spec.claimRef) is the one that claim gets")
    func preBoundVolume() throws {
        let reserved = Storage.volume("pv-reserved", size: "9Gi", extraSpec: "  claimRef: {namespace: default, name: data}")
        let cluster = try cluster([Storage.volume("pv-2g", size: "2Gi"), reserved, Storage.claim(size: "1Gi", className: "")].joined(separator: "\n---\n"))
        #expect(cluster.claim("data")?.spec?.volumeName == "pv-reserved")
        #expect(cluster.volume("pv-reserved")?.metadata.annotations?["pv.kubernetes.io/bound-by-controller"] == nil)
        #expect(cluster.volume("pv-2g")?.status?.phase == "Available")
    }

    /// DefaultStorageClass admission; kind's `standard` class is the cluster's default.
    @Test("A claim without storageClassName gets the default class standard; an explicit \"\" keeps no class")
    func defaultClass() throws {
        let cluster = try cluster([Storage.claim("auto"), Storage.claim("none", className: "")].joined(separator: "\n---\n"))
        #expect(cluster.claim("auto")?.spec?.storageClassName == "standard")
        #expect(cluster.claim("none")?.spec?.storageClassName == "")
    }

    /// emitEventForUnboundDelayBindingClaim, then the scheduler's PreBind writes selected-node and the
    /// provisioner creates pvc-<uid> pinned to that node.
    @Test("A WaitForFirstConsumer claim waits for a pod, then gets volume pvc-<uid> with node affinity to the pod's node")
    func waitForFirstConsumer() throws {
        let cluster = try cluster(Storage.claim())
        #expect(cluster.claim("data")?.status?.phase == "Pending")
        #expect(cluster.volumes.isEmpty)
        #expect(cluster.events(of: "PersistentVolumeClaim", "data") == ["WaitForFirstConsumer: waiting for first consumer to be created before binding"])
        try cluster.apply(yaml: Storage.pod(), file: "pod.yaml")
        let node = try #require(cluster.pod("db")?.spec?.nodeName)
        let claim = try #require(cluster.claim("data"))
        let uid = try #require(claim.metadata.uid)
        #expect(claim.status?.phase == "Bound")
        #expect(claim.spec?.volumeName == "pvc-\(uid)")
        #expect(claim.metadata.annotations?["volume.kubernetes.io/selected-node"] == node)
        #expect(claim.metadata.annotations?["volume.kubernetes.io/storage-provisioner"] == "rancher.io/local-path")
        let volume = try #require(cluster.volume("pvc-\(uid)"))
        let requirement = try #require(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms.first?.matchExpressions?.first)
        #expect(requirement.key == "kubernetes.io/hostname" && requirement.operator == "In" && requirement.values == [node])
        #expect(volume.spec?.persistentVolumeReclaimPolicy == "Delete" && volume.spec?.storageClassName == "standard")
        #expect(volume.metadata.annotations?["pv.kubernetes.io/provisioned-by"] == "rancher.io/local-path")
        #expect(volume.status?.phase == "Bound")
        #expect(cluster.events(of: "PersistentVolumeClaim", "data").dropFirst() == [
            "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
            "Provisioning: External provisioner is provisioning volume for claim \"default/data\"",
            "ProvisioningSucceeded: Successfully provisioned volume pvc-\(uid)",
        ])
    }

    @Test("A WaitForFirstConsumer claim whose pod cannot be scheduled says it waits for that pod")
    func waitForPodScheduled() throws {
        let pod = Storage.pod().replacingOccurrences(of: "  containers:", with: "  nodeSelector: {disk: ssd}\n  containers:")
        let cluster = try cluster([Storage.claim(), pod].joined(separator: "\n---\n"))
        #expect(cluster.pod("db")?.spec?.nodeName == nil)
        #expect(cluster.claim("data")?.metadata.annotations?["volume.kubernetes.io/selected-node"] == nil)
        #expect(cluster.events(of: "PersistentVolumeClaim", "data").last == "WaitForPodScheduled: waiting for pod db to be scheduled")
    }

    @Test("An Immediate class provisions pvc-<uid> as soon as the claim is created, without a node")
    func immediateProvisioning() throws {
        let cluster = try cluster([Storage.storageClass("fast", mode: "Immediate"), Storage.claim(className: "fast")].joined(separator: "\n---\n"))
        let claim = try #require(cluster.claim("data"))
        let uid = try #require(claim.metadata.uid)
        #expect(claim.status?.phase == "Bound" && claim.spec?.volumeName == "pvc-\(uid)")
        #expect(cluster.volume("pvc-\(uid)")?.spec?.nodeAffinity == nil)
    }

    /// syncVolume: the claim is gone → Released; reclaimVolume: Retain does nothing more.
    @Test("Deleting the claim of a Retain volume leaves the volume Released with its claimRef")
    func retainReleases() throws {
        let cluster = try cluster([Storage.volume("pv-keep", size: "1Gi"), Storage.claim(className: "")].joined(separator: "\n---\n"))
        #expect(cluster.volume("pv-keep")?.status?.phase == "Bound")
        try cluster.delete(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: "data"))
        #expect(cluster.claim("data") == nil)
        let volume = try #require(cluster.volume("pv-keep"))
        #expect(volume.status?.phase == "Released")
        #expect(volume.spec?.claimRef?.name == "data", "a released volume keeps its claimRef until an admin clears it")
        // A new claim of the same name does not get the released volume back.
        try cluster.apply(yaml: Storage.claim(className: ""), file: "again.yaml")
        #expect(cluster.claim("data")?.status?.phase == "Pending")
    }

    @Test("Deleting the claim of a provisioned Delete volume deletes the volume")
    func deletePolicyRemoves() throws {
        let cluster = try cluster([Storage.claim(), Storage.pod(grace: 0)].joined(separator: "\n---\n"))
        let name = try #require(cluster.claim("data")?.spec?.volumeName)
        #expect(cluster.volume(name) != nil)
        try cluster.delete(.pod("db"), gracePeriod: 0)
        try cluster.delete(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: "data"))
        #expect(cluster.claim("data") == nil)
        #expect(cluster.volume(name) == nil)
        #expect(cluster.volumes.isEmpty)
    }

    /// pvc_protection_controller.go: the finalizer stays while a scheduled, unfinished pod uses the claim.
    @Test("A claim in use stays Terminating with kubernetes.io/pvc-protection until its pod is gone")
    func pvcProtection() throws {
        let cluster = try cluster([Storage.claim(), Storage.pod()].joined(separator: "\n---\n"))
        let volumeName = try #require(cluster.claim("data")?.spec?.volumeName)
        #expect(cluster.claim("data")?.metadata.finalizers == ["kubernetes.io/pvc-protection"])
        #expect(cluster.volume(volumeName)?.metadata.finalizers == ["kubernetes.io/pv-protection"])
        try cluster.delete(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: "data"))
        let claim = try #require(cluster.claim("data"), "a claim in use is not removed")
        #expect(claim.metadata.deletionTimestamp != nil)
        #expect(ResourceTable.make([.persistentVolumeClaim(claim)], kind: "PersistentVolumeClaim", now: cluster.now).rows.first?[1] == "Terminating")
        try cluster.advance(by: .minutes(5))
        #expect(cluster.claim("data") != nil, "still in use by the running pod")
        try cluster.delete(.pod("db"))
        try cluster.advance(by: .seconds(31))
        #expect(cluster.pod("db") == nil)
        #expect(cluster.claim("data") == nil)
        #expect(cluster.volume(volumeName) == nil, "Released, deleted by its provisioner, pv-protection lifted")
    }

    @Test("A volume bound to a claim stays Terminating with kubernetes.io/pv-protection until it is released")
    func pvProtection() throws {
        let cluster = try cluster([Storage.volume("pv-keep", size: "1Gi"), Storage.claim(className: "")].joined(separator: "\n---\n"))
        try cluster.delete(ObjectKey(kind: "PersistentVolume", name: "pv-keep"))
        let volume = try #require(cluster.volume("pv-keep"))
        #expect(volume.metadata.deletionTimestamp != nil && volume.status?.phase == "Bound")
        try cluster.delete(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: "data"))
        #expect(cluster.volume("pv-keep") == nil)
    }

    @Test("StatefulSet claims from volumeClaimTemplates are provisioned on the nodes of their pods and bound")
    func statefulSetClaimsBind() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 2))
        try cluster.advance(by: .seconds(30))
        for ordinal in 0..<2 {
            let claim = try #require(cluster.claim("data-web-\(ordinal)"))
            #expect(claim.status?.phase == "Bound")
            let node = try #require(cluster.pod("web-\(ordinal)")?.spec?.nodeName)
            let volume = try #require(cluster.volume(claim.spec?.volumeName ?? ""))
            #expect(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms.first?.matchExpressions?.first?.values == [node])
        }
    }
}

