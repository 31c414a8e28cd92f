import KubeModel
import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/noderesources/fit_test.go and
/// least_allocated_test.go (v1.33.0).
@Suite("NodeResourcesFit (plugins/noderesources/fit.go, least_allocated.go)")
struct NodeResourcesFitTests {
    func status(_ pod: Pod, node: Node = Fixture.node("n", cpu: "10m", memory: "20", pods: "32"), existing: [Pod] = []) -> Status {
        Fixture.filter(NodeResourcesFit(), pod, Fixture.snapshot([node], pods: existing))["n"] ?? .success
    }

    @Test("no resources requested always fits")
    func emptyPodFits() {
        #expect(status(Fixture.pod("p"), existing: [Fixture.pod("e", cpu: "10m", memory: "20", node: "n")]).isSuccess)
    }

    @Test("too many resources fails: every insufficient resource is a reason")
    func tooMuch() {
        let existing = [Fixture.pod("e", cpu: "10m", memory: "20", node: "n")]
        #expect(status(Fixture.pod("p", cpu: "1m", memory: "1"), existing: existing)
                == Status(.unschedulable, ["Insufficient cpu", "Insufficient memory"]))
    }

    @Test("too many resources fails due to init container cpu")
    func initContainerCPU() {
        let pod = Fixture.pod("p", cpu: "1m", memory: "1") { $0.initContainers = [Fixture.container("init", cpu: "3m", memory: "1")] }
        let existing = [Fixture.pod("e", cpu: "8m", memory: "19", node: "n")]
        #expect(status(pod, existing: existing) == Status(.unschedulable, ["Insufficient cpu"]))
    }

    @Test("even for equal edge case predicate fails when there's no space for additional pod")
    func tooManyPods() {
        let node = Fixture.node("n", cpu: "10m", memory: "20", pods: "1")
        #expect(status(Fixture.pod("p"), node: node, existing: [Fixture.pod("e", node: "n")])
                == Status(.unschedulable, ["Too many pods"]))
    }

    @Test("extended resource insufficient")
    func extendedResource() {
        let node = Fixture.node("n", extra: ["example.com/foo": "5"])
        let pod = Fixture.pod("p") { spec in
            var resources = ResourceRequirements()
            resources.requests = ["example.com/foo": Fixture.quantity("10")]
            spec.containers[0].resources = resources
        }
        #expect(status(pod, node: node) == Status(.unschedulable, ["Insufficient example.com/foo"]))
    }

    @Test("nothing scheduled, resources requested, differently sized nodes (LeastAllocated)")
    func leastAllocatedScore() {
        // least_allocated_test.go: cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50 → 37;
        // node2: 50 and 50 → 50.
        let pod = Fixture.pod("p") { spec in
            spec.containers = [Fixture.container("a", cpu: "1000m", memory: "2000"), Fixture.container("b", cpu: "2000m", memory: "3000")]
        }
        let snapshot = Fixture.snapshot([Fixture.node("node1", cpu: "4000m", memory: "10000"), Fixture.node("node2", cpu: "6000m", memory: "10000")])
        #expect(Fixture.score(NodeResourcesFit(), pod, snapshot) == ["node1": 37, "node2": 50])
    }
}
