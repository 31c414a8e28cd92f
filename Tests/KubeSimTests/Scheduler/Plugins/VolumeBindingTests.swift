import KubeModel
import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go (v1.33.0).
@Suite("VolumeBinding (plugins/volumebinding)")
struct VolumeBindingTests {
    func pod(claim: String) -> Pod {
        Fixture.pod("db") { spec in
            var volume = Volume()
            volume.name = "data"
            var source = PersistentVolumeClaimVolumeSource()
            source.claimName = claim
            volume.persistentVolumeClaim = source
            spec.volumes = [volume]
        }
    }

    func claim(_ name: String, className: String? = nil, volumeName: String? = nil, phase: String? = nil) -> PersistentVolumeClaim {
        var claim = PersistentVolumeClaim()
        claim.metadata.name = name
        claim.metadata.namespace = "default"
        var spec = PersistentVolumeClaimSpec()
        spec.storageClassName = className
        spec.volumeName = volumeName
        spec.accessModes = ["ReadWriteOnce"]
        var resources = VolumeResourceRequirements()
        resources.requests = ["storage": Fixture.quantity("1Gi")]
        spec.resources = resources
        claim.spec = spec
        var status = PersistentVolumeClaimStatus()
        status.phase = phase
        claim.status = status
        return claim
    }

    func storageClass(_ name: String, mode: String, provisioner: String = "rancher.io/local-path") -> StorageClass {
        var storageClass = StorageClass()
        storageClass.metadata.name = name
        storageClass.volumeBindingMode = mode
        storageClass.provisioner = provisioner
        return storageClass
    }

    /// An Available volume (the phase the PV controller gives an unclaimed one).
    func volume(_ name: String, onNode node: String?, className: String? = nil, size: String = "10Gi") -> PersistentVolume {
        var volume = PersistentVolume()
        volume.metadata.name = name
        var status = PersistentVolumeStatus()
        status.phase = "Available"
        volume.status = status
        var spec = PersistentVolumeSpec()
        spec.capacity = ["storage": Fixture.quantity(size)]
        spec.accessModes = ["ReadWriteOnce"]
        spec.storageClassName = className
        if let node { spec.nodeAffinity = VolumeMatching.affinity(toNode: node) }
        volume.spec = spec
        return volume
    }

    func statuses(_ pod: Pod, claims: [PersistentVolumeClaim], volumes: [PersistentVolume] = [], classes: [StorageClass] = []) -> [String: Status] {
        let snapshot = ClusterSnapshot(nodes: Fixture.defaultNodes(), persistentVolumeClaims: claims,
                                       persistentVolumes: volumes, storageClasses: classes)
        return Fixture.filter(VolumeBinding(), pod, snapshot)
    }

    @Test("PVC not found")
    func missingClaim() {
        #expect(statuses(pod(claim: "data"), claims: [])["worker-1"]
                == Status(.unschedulableAndUnresolvable, "persistentvolumeclaim \"data\" not found"))
    }

    @Test("unbound claim with immediate binding mode")
    func unboundImmediate() {
        #expect(statuses(pod(claim: "data"), claims: [claim("data", className: "standard")],
                         classes: [storageClass("standard", mode: "Immediate")])["worker-1"]
                == Status(.unschedulableAndUnresolvable, "pod has unbound immediate PersistentVolumeClaims"))
    }

    @Test("bound claim with a volume pinned to another node: volume node affinity conflict")
    func boundNodeConflict() {
        let result = statuses(pod(claim: "data"), claims: [claim("data", volumeName: "pv-1", phase: "Bound")],
                              volumes: [volume("pv-1", onNode: "worker-2")])
        #expect(result["worker-2"]?.isSuccess == true)
        #expect(result["worker-1"] == Status(.unschedulableAndUnresolvable, "node(s) had volume node affinity conflict"))
    }

    @Test("bound claim whose volume does not exist")
    func boundMissingVolume() {
        #expect(statuses(pod(claim: "data"), claims: [claim("data", volumeName: "gone", phase: "Bound")])["worker-1"]
                == Status(.unschedulableAndUnresolvable, "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"))
    }

    @Test("WaitForFirstConsumer: a local volume binds only where it lives; without a provisioner other nodes conflict")
    func delayedBinding() {
        let classes = [storageClass("local", mode: "WaitForFirstConsumer", provisioner: "kubernetes.io/no-provisioner")]
        let result = statuses(pod(claim: "data"), claims: [claim("data", className: "local")],
                              volumes: [volume("pv-local", onNode: "worker-3", className: "local")], classes: classes)
        #expect(result["worker-3"]?.isSuccess == true)
        #expect(result["worker-1"] == Status(.unschedulableAndUnresolvable, "node(s) didn't find available persistent volumes to bind"))
    }

    @Test("WaitForFirstConsumer with a dynamic provisioner fits every node")
    func delayedProvisioning() {
        let classes = [storageClass("standard", mode: "WaitForFirstConsumer")]
        #expect(statuses(pod(claim: "data"), claims: [claim("data", className: "standard")], classes: classes)["worker-1"]?.isSuccess == true)
    }

    @Test("WaitForFirstConsumer: a claim the scheduler already chose a node for only fits that node")
    func selectedNodeOnly() {
        var chosen = claim("data", className: "standard")
        chosen.metadata.annotations = ["volume.kubernetes.io/selected-node": "worker-2"]
        let result = statuses(pod(claim: "data"), claims: [chosen], classes: [storageClass("standard", mode: "WaitForFirstConsumer")])
        #expect(result["worker-2"]?.isSuccess == true)
        #expect(result["worker-1"] == Status(.unschedulableAndUnresolvable, "node(s) didn't find available persistent volumes to bind"))
    }

    /// binder.go `findMatchingVolumes` uses `FindMatchingVolume`, which takes the smallest fit.
    @Test("FindPodVolumes picks the smallest matching volume on the node")
    func smallestStaticVolume() throws {
        let node = try #require(Fixture.defaultNodes().first { $0.metadata.name == "worker-1" })
        let claims: [(claim: PersistentVolumeClaim, storageClass: StorageClass?)] = [(claim("data", className: "local"), nil)]
        let volumes = [volume("big", onNode: nil, className: "local", size: "10Gi"), volume("small", onNode: nil, className: "local", size: "2Gi")]
        let found = VolumeBinding.findPodVolumes(claims, volumes: volumes, on: node)
        #expect(found.bindings.map(\.volume.metadata.name) == ["small"])
        #expect(found.toProvision.isEmpty && found.unmatched.isEmpty)
    }
}
