import KubeModel
import Testing
@testable import KubeSim

/// Cases named after pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (v1.33.0).
@Suite("TaintToleration (plugins/tainttoleration)")
struct TaintTolerationTests {
    func filter(_ tolerations: [Toleration], _ taints: [Taint]) -> Status {
        let pod = Fixture.pod("p") { $0.tolerations = tolerations }
        let snapshot = Fixture.snapshot([Fixture.node("n", taints: taints)])
        return Fixture.filter(TaintToleration(), pod, snapshot)["n"] ?? .success
    }

    @Test("A pod having no tolerations can't be scheduled onto a node with nonempty taints")
    func noTolerations() {
        let status = filter([], [Fixture.taint("dedicated", "user1", "NoSchedule")])
        #expect(status == Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {dedicated: user1}"))
    }

    @Test("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule")
    func matchingToleration() {
        let status = filter([Fixture.toleration("dedicated", "Equal", "user1", effect: "NoSchedule")],
                            [Fixture.taint("dedicated", "user1", "NoSchedule")])
        #expect(status.isSuccess)
    }

    @Test("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule")
    func wrongValue() {
        let status = filter([Fixture.toleration("dedicated", "Equal", "user2", effect: "NoSchedule")],
                            [Fixture.taint("dedicated", "user1", "NoSchedule")])
        #expect(status == Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {dedicated: user1}"))
    }

    @Test("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node")
    func existsOperator() {
        #expect(filter([Fixture.toleration("foo", "Exists", effect: "NoSchedule")], [Fixture.taint("foo", "bar", "NoSchedule")]).isSuccess)
    }

    @Test("A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node")
    func multiple() {
        let status = filter([Fixture.toleration("dedicated", "Equal", "user2", effect: "NoSchedule"),
                             Fixture.toleration("foo", "Exists", effect: "NoSchedule")],
                            [Fixture.taint("dedicated", "user2", "NoSchedule"), Fixture.taint("foo", "bar", "NoSchedule")])
        #expect(status.isSuccess)
    }

    @Test("A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node")
    func effectMismatch() {
        let status = filter([Fixture.toleration("foo", "Equal", "bar", effect: "PreferNoSchedule")], [Fixture.taint("foo", "bar", "NoSchedule")])
        #expect(status == Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {foo: bar}"))
    }

    @Test("The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node")
    func emptyEffect() {
        #expect(filter([Fixture.toleration("foo", "Equal", "bar")], [Fixture.taint("foo", "bar", "NoSchedule")]).isSuccess)
    }

    @Test("The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node")
    func preferNoScheduleDoesNotFilter() {
        #expect(filter([Fixture.toleration("dedicated", "Equal", "user2", effect: "NoSchedule")], [Fixture.taint("dedicated", "user1", "PreferNoSchedule")]).isSuccess)
    }

    @Test("NoExecute taints filter like NoSchedule")
    func noExecute() {
        #expect(filter([], [Fixture.taint("node.kubernetes.io/not-ready", nil, "NoExecute")])
                == Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"))
    }

    @Test("node with taints tolerated by the pod, gets a higher score than those node with intolerable taints")
    func scoreTolerated() {
        let pod = Fixture.pod("p") { $0.tolerations = [Fixture.toleration("foo", "Equal", "bar", effect: "PreferNoSchedule")] }
        let snapshot = Fixture.snapshot([Fixture.node("nodeA", taints: [Fixture.taint("foo", "bar", "PreferNoSchedule")]),
                                         Fixture.node("nodeB", taints: [Fixture.taint("foo", "blah", "PreferNoSchedule")])])
        #expect(Fixture.score(TaintToleration(), pod, snapshot) == ["nodeA": 100, "nodeB": 0])
    }

    @Test("the more intolerable taints a node has, the lower score it gets")
    func scoreCountsTaints() {
        let pod = Fixture.pod("p") { $0.tolerations = [Fixture.toleration("foo", "Equal", "bar", effect: "PreferNoSchedule")] }
        let snapshot = Fixture.snapshot([
            Fixture.node("nodeA"),
            Fixture.node("nodeB", taints: [Fixture.taint("cpu-type", "arm64", "PreferNoSchedule")]),
            Fixture.node("nodeC", taints: [Fixture.taint("cpu-type", "arm64", "PreferNoSchedule"), Fixture.taint("disk-type", "ssd", "PreferNoSchedule")]),
        ])
        #expect(Fixture.score(TaintToleration(), pod, snapshot) == ["nodeA": 100, "nodeB": 50, "nodeC": 0])
    }
}
