import KubeModel
import Testing
@testable import KubeSim

/// The FailedScheduling text, as `FitError.Error()` in pkg/scheduler/framework/types.go (v1.33.0)
/// and the `preemption: ` PostFilter text of plugins/defaultpreemption/default_preemption.go write it.
@Suite("FitError message (pkg/scheduler/framework/types.go)")
struct FitErrorTests {
    @Test("A pod too big for every worker: taint on the control plane, Insufficient cpu elsewhere, preemption cannot help")
    func issueExample() throws {
        let pod = Fixture.pod("big", cpu: "5")
        let result = Scheduler().schedule(pod, in: Fixture.snapshot())
        guard case .unschedulable(let fitError, let preemption) = result else {
            Issue.record("expected unschedulable, got \(result)")
            return
        }
        #expect(fitError.message == "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.")
        #expect(preemption.nominatedNodeName == nil)
        #expect(preemption.victims.isEmpty)
    }

    @Test("Reasons are counted per node and sorted as strings; a node lists every insufficient resource")
    func histogramSorting() {
        let fitError = FitError(numAllNodes: 3, nodeToStatus: [
            "a": Status(.unschedulable, ["Insufficient cpu", "Insufficient memory"]),
            "b": Status(.unschedulable, ["Insufficient memory"]),
            "c": Status(.unschedulableAndUnresolvable, ["node(s) didn't match Pod's node affinity/selector"]),
        ])
        #expect(fitError.message == "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient memory.")
    }

    @Test("A PreFilter rejection is printed once, not per node (missing PVC)")
    func preFilterMessage() {
        let pod = Fixture.pod("db") { spec in
            var volume = Volume()
            volume.name = "data"
            var source = PersistentVolumeClaimVolumeSource()
            source.claimName = "data"
            volume.persistentVolumeClaim = source
            spec.volumes = [volume]
        }
        guard case .unschedulable(let fitError, _) = Scheduler().schedule(pod, in: Fixture.snapshot()) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(fitError.message == "0/4 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.")
    }

    @Test("A cluster without nodes gives upstream's ErrNoNodesAvailable text")
    func noNodes() {
        guard case .unschedulable(let fitError, _) = Scheduler().schedule(Fixture.pod("p"), in: ClusterSnapshot(nodes: [])) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(fitError.message == "no nodes available to schedule pods")
    }

    @Test("preemptionPolicy Never: the PostFilter says the pod is not eligible")
    func preemptionPolicyNever() {
        let pod = Fixture.pod("big", cpu: "5") { $0.preemptionPolicy = "Never" }
        guard case .unschedulable(let fitError, _) = Scheduler().schedule(pod, in: Fixture.snapshot()) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(fitError.message.hasSuffix("3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never."))
    }
}
