import KubeModel
import Testing
@testable import KubeSim

/// Pods with claims through the whole scheduling step: VolumeBinding's PreFilter messages in the
/// FailedScheduling event (pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and
/// the FitError text of pkg/scheduler/framework/types.go, v1.33).
@Suite("Scheduling pods with PersistentVolumeClaims")
struct VolumeSchedulingTests {
    @Test("A pod whose claim does not exist stays Pending: persistentvolumeclaim \"data\" not found")
    func missingClaim() throws {
        let cluster = try cluster(Storage.pod())
        let pod = try #require(cluster.pod("db"))
        #expect(pod.spec?.nodeName == nil && pod.status?.phase == "Pending")
        let message = "0/4 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling."
        #expect(cluster.events(of: "Pod", "db") == ["FailedScheduling: \(message)"])
        #expect(PodStatusWriter.condition("PodScheduled", of: pod)?.message == message)
    }

    @Test("A pod whose Immediate claim cannot be bound stays Pending: pod has unbound immediate PersistentVolumeClaims")
    func unboundImmediateClaim() throws {
        let cluster = try cluster([Storage.storageClass("manual", mode: "Immediate", provisioner: "kubernetes.io/no-provisioner"),
                                   Storage.claim(className: "manual"), Storage.pod()].joined(separator: "\n---\n"))
        #expect(cluster.claim("data")?.status?.phase == "Pending")
        #expect(cluster.pod("db")?.spec?.nodeName == nil)
        #expect(cluster.events(of: "Pod", "db") == [
            "FailedScheduling: 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
        ])
    }

    @Test("Once the missing claim appears, the pod schedules and the claim is provisioned on its node")
    func claimArrivesLater() throws {
        let cluster = try cluster(Storage.pod())
        #expect(cluster.pod("db")?.spec?.nodeName == nil)
        try cluster.apply(yaml: Storage.claim(), file: "claim.yaml")
        let node = try #require(cluster.pod("db")?.spec?.nodeName)
        #expect(cluster.claim("data")?.metadata.annotations?["volume.kubernetes.io/selected-node"] == node)
        #expect(cluster.claim("data")?.status?.phase == "Bound")
    }

    @Test("A WaitForFirstConsumer claim with a local volume on one node takes the pod to that node")
    func localVolumePicksNode() throws {
        let local = Storage.volume("pv-local", size: "1Gi", className: "local-storage", extraSpec: """
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-3]}]
            """)
        let cluster = try cluster([Storage.storageClass("local-storage", mode: "WaitForFirstConsumer", provisioner: "kubernetes.io/no-provisioner"),
                                   local, Storage.claim(className: "local-storage"), Storage.pod()].joined(separator: "\n---\n"))
        #expect(cluster.pod("db")?.spec?.nodeName == "worker-3")
        #expect(cluster.claim("data")?.spec?.volumeName == "pv-local")
        #expect(cluster.volume("pv-local")?.status?.phase == "Bound")
    }
}
