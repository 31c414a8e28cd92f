import KubeModel
import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go (v1.33.0).
@Suite("NodeAffinity (plugins/nodeaffinity)")
struct NodeAffinityTests {
    static let mismatch = Status(.unschedulableAndUnresolvable, "node(s) didn't match Pod's node affinity/selector")

    func requirement(_ key: String, _ op: String, _ values: [String]? = nil) -> NodeSelectorRequirement {
        var requirement = NodeSelectorRequirement()
        requirement.key = key
        requirement.operator = op
        requirement.values = values
        return requirement
    }

    func required(_ terms: [[NodeSelectorRequirement]], fields: [NodeSelectorRequirement]? = nil) -> (inout PodSpec) -> Void {
        { spec in
            var selector = NodeSelector()
            selector.nodeSelectorTerms = terms.map { expressions in
                var term = NodeSelectorTerm()
                term.matchExpressions = expressions
                term.matchFields = fields
                return term
            }
            var nodeAffinity = KubeModel.NodeAffinity()
            nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = selector
            var affinity = Affinity()
            affinity.nodeAffinity = nodeAffinity
            spec.affinity = affinity
        }
    }

    func status(_ pod: Pod, labels: [String: String]) -> Status {
        Fixture.filter(KubeSim.NodeAffinity(), pod, Fixture.snapshot([Fixture.node("node1", labels: labels)]))["node1"] ?? .success
    }

    @Test("missing labels: a nodeSelector the node does not carry")
    func nodeSelectorMismatch() {
        let pod = Fixture.pod("p") { $0.nodeSelector = ["foo": "bar"] }
        #expect(status(pod, labels: [:]) == Self.mismatch)
        #expect(status(pod, labels: ["foo": "bar"]).isSuccess)
    }

    @Test("Pod with matchExpressions using In operator that matches the existing node")
    func inOperator() {
        let pod = Fixture.pod("p", configure: required([[requirement("foo", "In", ["value1", "value2"])]]))
        #expect(status(pod, labels: ["foo": "value1"]).isSuccess)
        #expect(status(pod, labels: ["foo": "value3"]) == Self.mismatch)
    }

    @Test("Pod with matchExpressions using Gt operator that matches the existing node")
    func gtOperator() {
        let pod = Fixture.pod("p", configure: required([[requirement("kernel-version", "Gt", ["0204"])]]))
        #expect(status(pod, labels: ["kernel-version": "0206"]).isSuccess)
        #expect(status(pod, labels: ["kernel-version": "0200"]) == Self.mismatch)
    }

    @Test("Pod with matchExpressions using NotIn operator that matches the existing node (missing label matches)")
    func notInOperator() {
        let pod = Fixture.pod("p", configure: required([[requirement("mem-type", "NotIn", ["DDR", "DDR2"])]]))
        #expect(status(pod, labels: ["GPU": "NVIDIA-GRID-K1"]).isSuccess)
        #expect(status(pod, labels: ["mem-type": "DDR"]) == Self.mismatch)
    }

    @Test("Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node")
    func termsAreORed() {
        let pod = Fixture.pod("p", configure: required([[requirement("foo", "In", ["bar"])], [requirement("diffkey", "In", ["wrong", "value2"])]]))
        #expect(status(pod, labels: ["diffkey": "value2"]).isSuccess)
    }

    @Test("Pod with an Affinity both requiredDuringSchedulingRequiredDuringExecution and nodeSelector: both must match")
    func selectorAndAffinityANDed() {
        let pod = Fixture.pod("p") { spec in
            self.required([[self.requirement("foo", "Exists")]])(&spec)
            spec.nodeSelector = ["foo": "bar"]
        }
        #expect(status(pod, labels: ["foo": "barrrrrr"]) == Self.mismatch)
        #expect(status(pod, labels: ["foo": "bar"]).isSuccess)
    }

    @Test("Pod with an affinity that names nodes by metadata.name: other nodes are left out by PreFilter")
    func matchFieldsNarrowNodes() {
        let pod = Fixture.pod("p", cpu: "5", configure: required([[]], fields: [requirement("metadata.name", "In", ["worker-1"])]))
        guard case .unschedulable(let fitError, _) = Scheduler().schedule(pod, in: Fixture.snapshot()) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(fitError.message.hasPrefix("0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]."))
    }

    @Test("all nodes matches the preferred scheduling requirements of pod but with different priorities")
    func preferredScore() {
        func term(_ weight: Int32, _ requirements: [NodeSelectorRequirement]) -> PreferredSchedulingTerm {
            var term = PreferredSchedulingTerm()
            term.weight = weight
            term.preference.matchExpressions = requirements
            return term
        }
        let pod = Fixture.pod("p") { spec in
            var nodeAffinity = KubeModel.NodeAffinity()
            nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = [
                term(2, [self.requirement("foo", "In", ["bar"])]),
                term(4, [self.requirement("key", "In", ["value"])]),
                term(5, [self.requirement("foo", "In", ["bar"]), self.requirement("key", "In", ["value"]), self.requirement("az", "In", ["az1"])]),
            ]
            var affinity = Affinity()
            affinity.nodeAffinity = nodeAffinity
            spec.affinity = affinity
        }
        let snapshot = Fixture.snapshot([Fixture.node("node1", labels: ["foo": "bar"]),
                                         Fixture.node("node2", labels: ["foo": "bar", "key": "value", "az": "az1"]),
                                         Fixture.node("node3", labels: ["key": "value"])])
        // Raw 2, 11, 4 → ×100/11 = 18, 100, 36, as upstream expects (its node1, node5, node2).
        #expect(Fixture.score(KubeSim.NodeAffinity(), pod, snapshot) == ["node1": 18, "node2": 100, "node3": 36])
    }
}
