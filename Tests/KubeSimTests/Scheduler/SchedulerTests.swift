import KubeModel
import Testing
@testable import KubeSim

/// The scheduling cycle as pkg/scheduler/schedule_one.go runs it (v1.33.0), with our documented
/// tie-break, and the `why` table built from it.
@Suite("Scheduler (schedule_one.go) and why")
struct SchedulerTests {
    @Test("Equal totals go to the node whose name sorts first (upstream picks at random)")
    func tieBreak() {
        #expect(Scheduler().schedule(Fixture.pod("web", cpu: "100m"), in: Fixture.snapshot()).nodeName == "worker-1")
    }

    @Test("LeastAllocated spreads: a busy worker loses to an idle one")
    func spreadsByLoad() {
        let busy = Fixture.pod("busy", cpu: "2", memory: "8Gi", node: "worker-1")
        #expect(Scheduler().schedule(Fixture.pod("web", cpu: "100m", memory: "128Mi"), in: Fixture.snapshot(pods: [busy])).nodeName == "worker-2")
    }

    @Test("Weighted totals: each plugin's normalised score times its default weight")
    func weightedTotals() {
        let pod = Fixture.pod("web", cpu: "1", memory: "4Gi")
        guard case .scheduled(_, let scores) = Scheduler().schedule(pod, in: Fixture.snapshot()) else {
            Issue.record("expected scheduled")
            return
        }
        // Idle 4-cpu 16Gi worker: TaintToleration 100×3, NodeAffinity skip, NodeResourcesFit
        // (75 + 75)/2 = 75 ×1, BalancedAllocation fractions 0.25/0.25 → 100 ×1, others skip.
        #expect(scores.map(\.score) == [475, 475, 475])
        #expect(scores.map(\.name) == ["worker-1", "worker-2", "worker-3"])
    }

    @Test("A pod with a nodeSelector goes only where the label is")
    func nodeSelector() {
        let pod = Fixture.pod("web") { $0.nodeSelector = ["topology.kubernetes.io/zone": "zone-c"] }
        #expect(Scheduler().schedule(pod, in: Fixture.snapshot()).nodeName == "worker-3")
    }

    @Test("Binding updates the snapshot incrementally: a full node stops fitting")
    func incrementalBinding() {
        var snapshot = Fixture.snapshot()
        let scheduler = Scheduler()
        var placements: [String] = []
        for index in 0..<7 {
            let pod = Fixture.pod("p\(index)", cpu: "2")
            guard let node = scheduler.schedule(pod, in: snapshot).nodeName else { break }
            snapshot.bind(pod, to: node)
            placements.append(node)
        }
        #expect(placements.count == 6)
        #expect(Set(placements) == ["worker-1", "worker-2", "worker-3"])
        #expect(snapshot.nodeInfo(named: "worker-1")?.requested.milliCPU == 4000)
        snapshot.removePod(namespace: "default", name: placements.count > 0 ? "p0" : "")
        #expect(scheduler.schedule(Fixture.pod("again", cpu: "2"), in: snapshot).nodeName != nil)
    }

    @Test("why: every node × every filter, reasons numbered, then scores and the decision")
    func whyTable() {
        let pod = Fixture.pod("web", cpu: "3")
        let busy = Fixture.pod("busy", cpu: "2", node: "worker-1")
        let explanation = Scheduler().explain(pod, in: Fixture.snapshot(pods: [busy]))
        #expect(explanation.nodes.map(\.node) == ["control-plane", "worker-1", "worker-2", "worker-3"])
        #expect(explanation.scores.map(\.node) == ["worker-2", "worker-3"])
        #expect(explanation.chosenNode == "worker-2")
        let lines = WhyFormatter.lines(explanation)
        #expect(lines.contains("TaintToleration    FAIL [1]       pass      pass      pass"))
        #expect(lines.contains("NodeResourcesFit   pass           FAIL [2]  pass      pass"))
        #expect(lines.contains("  [1] node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"))
        #expect(lines.contains("  [2] Insufficient cpu"))
        #expect(lines.contains("Feasible           no             no        yes       yes"))
        // NodeResourcesFit: cpu 1000/4000 free → 25, memory (16Gi − 200Mi default)/16Gi → 98, mean 61;
        // BalancedAllocation: fractions 0.75 and 0 → std 0.375 → 62.
        #expect(lines.contains("NodeResourcesFit ×1                 61        61"))
        #expect(lines.contains("NodeResourcesBalancedAllocation ×1  62        62"))
        #expect(lines.contains("Total                               423       423"))
        #expect(lines.contains { $0.hasPrefix("Decision: worker-2") })
    }

    @Test("why for a pod that fits nowhere ends with the FailedScheduling text")
    func whyUnschedulable() {
        let lines = WhyFormatter.lines(Scheduler().explain(Fixture.pod("big", cpu: "5"), in: Fixture.snapshot()))
        #expect(lines.contains("Scores: no feasible node."))
        #expect(lines.last == "FailedScheduling: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.")
    }
}
