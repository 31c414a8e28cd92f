import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go (v1.33.0).
@Suite("NodeResourcesBalancedAllocation (plugins/noderesources/balanced_allocation.go)")
struct NodeResourcesBalancedAllocationTests {
    @Test("nothing scheduled, resources requested, differently sized nodes")
    func differentlySizedNodes() {
        // node1: cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5 → std 0.125 → 87; node2: 0.5, 0.5 → 100.
        let pod = Fixture.pod("p") { spec in
            spec.containers = [Fixture.container("a", cpu: "1000m", memory: "2000"), Fixture.container("b", cpu: "2000m", memory: "3000")]
        }
        let snapshot = Fixture.snapshot([Fixture.node("node1", cpu: "4000m", memory: "10000"), Fixture.node("node2", cpu: "6000m", memory: "10000")])
        #expect(Fixture.score(NodeResourcesBalancedAllocation(), pod, snapshot) == ["node1": 87, "node2": 100])
    }

    @Test("A best-effort pod is skipped (kubernetes/kubernetes#129138)")
    func bestEffortSkipped() {
        let info = PodInfo(Fixture.pod("p"))
        #expect(NodeResourcesBalancedAllocation().preScore(info, [0], CycleState(), Fixture.snapshot()).isSkip)
    }
}
