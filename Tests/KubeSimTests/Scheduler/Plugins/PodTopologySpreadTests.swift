import KubeModel
import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go and
/// scoring_test.go (v1.33.0), and the example of
/// https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/.
@Suite("PodTopologySpread (plugins/podtopologyspread)")
struct PodTopologySpreadTests {
    static let zone = "topology.kubernetes.io/zone"

    func spread(_ maxSkew: Int32, _ key: String, _ when: String = "DoNotSchedule", minDomains: Int32? = nil) -> (inout PodSpec) -> Void {
        { spec in
            var constraint = TopologySpreadConstraint()
            constraint.maxSkew = maxSkew
            constraint.topologyKey = key
            constraint.whenUnsatisfiable = when
            constraint.labelSelector = Fixture.selector(["app": "web"])
            constraint.minDomains = minDomains
            spec.topologySpreadConstraints = [constraint]
        }
    }

    func workers() -> [Node] { Array(Fixture.defaultNodes().dropFirst()) }

    @Test("pods spread across zones: with 2 in zone-a and 1 in zone-b, zone-a is too skewed for maxSkew 1")
    func skewFilter() {
        let existing = [Fixture.pod("a1", labels: ["app": "web"], node: "worker-1"),
                        Fixture.pod("a2", labels: ["app": "web"], node: "worker-1"),
                        Fixture.pod("b1", labels: ["app": "web"], node: "worker-2")]
        let pod = Fixture.pod("new", labels: ["app": "web"], configure: spread(1, Self.zone))
        let statuses = Fixture.filter(PodTopologySpread(), pod, Fixture.snapshot(workers(), pods: existing))
        // Minimum is zone-c with 0: zone-a 2+1−0 = 3 > 1, zone-b 1+1−0 = 2 > 1, zone-c 0+1−0 = 1.
        #expect(statuses["worker-1"] == Status(.unschedulable, "node(s) didn't match pod topology spread constraints"))
        #expect(statuses["worker-2"] == Status(.unschedulable, "node(s) didn't match pod topology spread constraints"))
        #expect(statuses["worker-3"]?.isSuccess == true)
    }

    @Test("node missing the topology key is unresolvable")
    func missingLabel() {
        let pod = Fixture.pod("new", labels: ["app": "web"], configure: spread(1, Self.zone))
        let statuses = Fixture.filter(PodTopologySpread(), pod, Fixture.snapshot())
        #expect(statuses["control-plane"] == Status(.unschedulableAndUnresolvable, "node(s) didn't match pod topology spread constraints (missing required label)"))
    }

    @Test("minDomains above the number of domains makes the global minimum 0")
    func minDomains() {
        // Two zones with one pod each: normally minimum 1, so a third pod fits (1+1−1 = 1). With
        // minDomains 3 the minimum counts as 0 and 1+1−0 = 2 > 1.
        let nodes = Array(workers().prefix(2))
        let existing = [Fixture.pod("a1", labels: ["app": "web"], node: "worker-1"),
                        Fixture.pod("b1", labels: ["app": "web"], node: "worker-2")]
        let plain = Fixture.pod("new", labels: ["app": "web"], configure: spread(1, Self.zone))
        #expect(Fixture.filter(PodTopologySpread(), plain, Fixture.snapshot(nodes, pods: existing))["worker-1"]?.isSuccess == true)
        let strict = Fixture.pod("new", labels: ["app": "web"], configure: spread(1, Self.zone, minDomains: 3))
        #expect(Fixture.filter(PodTopologySpread(), strict, Fixture.snapshot(nodes, pods: existing))["worker-1"]
                == Status(.unschedulable, "node(s) didn't match pod topology spread constraints"))
    }

    @Test("ScheduleAnyway scores nodes in emptier zones higher")
    func scoreEmptierZones() {
        let existing = [Fixture.pod("a1", labels: ["app": "web"], node: "worker-1"),
                        Fixture.pod("a2", labels: ["app": "web"], node: "worker-1"),
                        Fixture.pod("b1", labels: ["app": "web"], node: "worker-2")]
        let pod = Fixture.pod("new", labels: ["app": "web"], configure: spread(1, Self.zone, "ScheduleAnyway"))
        // Raw: count × ln(3 + 2) + 0 → 3.2 → 3, 1.6 → 2, 0; normalised 100 × (3 + 0 − s) / 3.
        #expect(Fixture.score(PodTopologySpread(), pod, Fixture.snapshot(workers(), pods: existing))
                == ["worker-1": 0, "worker-2": 33, "worker-3": 100])
    }
}
