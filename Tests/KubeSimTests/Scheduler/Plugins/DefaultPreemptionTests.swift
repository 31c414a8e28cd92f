import KubeModel
import Testing
@testable import KubeSim

/// After pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go and
/// framework/preemption/preemption.go (v1.33.0).
@Suite("DefaultPreemption (plugins/defaultpreemption)")
struct DefaultPreemptionTests {
    @Test("a high-priority pod preempts the fewest lower-priority pods on the best node")
    func preemptsLowerPriority() {
        let existing = [
            Fixture.pod("low-1", cpu: "3", node: "worker-1", priority: 10),
            Fixture.pod("low-2", cpu: "3", node: "worker-2", priority: 100),
            Fixture.pod("low-3", cpu: "3", node: "worker-3", priority: 100),
        ]
        let pod = Fixture.pod("urgent", cpu: "2", priority: 1000)
        guard case .unschedulable(let fitError, let preemption) = Scheduler().schedule(pod, in: Fixture.snapshot(pods: existing)) else {
            Issue.record("expected unschedulable")
            return
        }
        // The victim with the lowest priority wins (pickOneNodeForPreemption criterion 2).
        #expect(preemption.nominatedNodeName == "worker-1")
        #expect(preemption.victims.map { $0.metadata.name } == ["low-1"])
        #expect(fitError.message == "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.")
    }

    @Test("pods of equal or higher priority are never victims")
    func equalPriorityIsNotAVictim() {
        let existing = (1...3).map { Fixture.pod("peer-\($0)", cpu: "3", node: "worker-\($0)", priority: 1000) }
        let pod = Fixture.pod("urgent", cpu: "2", priority: 1000)
        guard case .unschedulable(let fitError, let preemption) = Scheduler().schedule(pod, in: Fixture.snapshot(pods: existing)) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(preemption.nominatedNodeName == nil)
        #expect(fitError.message.hasSuffix("preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod."))
    }

    @Test("when removing every lower-priority pod is not enough, the node keeps its filter reason")
    func notEnoughEvenAfterPreemption() {
        let existing = (1...3).map { Fixture.pod("low-\($0)", cpu: "1", node: "worker-\($0)", priority: 0) }
        let pod = Fixture.pod("huge", cpu: "8", priority: 1000)
        guard case .unschedulable(let fitError, _) = Scheduler().schedule(pod, in: Fixture.snapshot(pods: existing)) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(fitError.message.hasSuffix("preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 Insufficient cpu."))
    }

    @Test("reprieve: victims that can stay, stay (most important first)")
    func reprieve() {
        let existing = [
            Fixture.pod("a", cpu: "1", node: "worker-1", priority: 5),
            Fixture.pod("b", cpu: "1", node: "worker-1", priority: 1),
            Fixture.pod("c", cpu: "2", node: "worker-1", priority: 3),
        ]
        let nodes = Array(Fixture.defaultNodes()[1...1])
        let pod = Fixture.pod("urgent", cpu: "2", priority: 100)
        guard case .unschedulable(_, let preemption) = Scheduler().schedule(pod, in: Fixture.snapshot(nodes, pods: existing)) else {
            Issue.record("expected unschedulable")
            return
        }
        // All three removed leaves 4 cpu free. Put back by importance: a (priority 5) → 3 free, still
        // fits; c (3) → 1 free, the pod no longer fits, so c is a victim; b (1) → 2 free, fits, stays.
        #expect(preemption.victims.map { $0.metadata.name } == ["c"])
    }
}
