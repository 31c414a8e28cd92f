import KubeModel
import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go and
/// scoring_test.go (v1.33.0), on the default cluster (zones a/b/c on worker-1…3).
@Suite("InterPodAffinity (plugins/interpodaffinity)")
struct InterPodAffinityTests {
    static let zone = "topology.kubernetes.io/zone"
    static let hostname = "kubernetes.io/hostname"

    func term(_ labels: [String: String], _ topologyKey: String) -> PodAffinityTerm {
        var term = PodAffinityTerm()
        term.labelSelector = Fixture.selector(labels)
        term.topologyKey = topologyKey
        return term
    }

    func withAffinity(_ affinity: [PodAffinityTerm] = [], anti: [PodAffinityTerm] = []) -> (inout PodSpec) -> Void {
        { spec in
            var value = Affinity()
            if !affinity.isEmpty {
                var podAffinity = PodAffinity()
                podAffinity.requiredDuringSchedulingIgnoredDuringExecution = affinity
                value.podAffinity = podAffinity
            }
            if !anti.isEmpty {
                var podAntiAffinity = PodAntiAffinity()
                podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution = anti
                value.podAntiAffinity = podAntiAffinity
            }
            spec.affinity = value
        }
    }

    @Test("satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod")
    func affinityFollowsTheZone() {
        let existing = Fixture.pod("db", labels: ["app": "db"], node: "worker-2")
        let pod = Fixture.pod("web", configure: withAffinity([term(["app": "db"], Self.zone)]))
        let statuses = Fixture.filter(InterPodAffinity(), pod, Fixture.snapshot(pods: [existing]))
        #expect(statuses["worker-2"]?.isSuccess == true)
        #expect(statuses["worker-1"] == Status(.unschedulableAndUnresolvable, "node(s) didn't match pod affinity rules"))
        // The control plane has no zone label: affinity needs every topology key on the node.
        #expect(statuses["control-plane"] == Status(.unschedulableAndUnresolvable, "node(s) didn't match pod affinity rules"))
    }

    @Test("verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints")
    func existingAntiAffinity() {
        let existing = Fixture.pod("lonely", labels: ["app": "lonely"], node: "worker-1",
                                   configure: withAffinity(anti: [term(["app": "web"], Self.hostname)]))
        let pod = Fixture.pod("web", labels: ["app": "web"])
        let statuses = Fixture.filter(InterPodAffinity(), pod, Fixture.snapshot(pods: [existing]))
        #expect(statuses["worker-1"] == Status(.unschedulable, "node(s) didn't satisfy existing pods anti-affinity rules"))
        #expect(statuses["worker-2"]?.isSuccess == true)
    }

    @Test("Pod with anti-affinity to pods in the same zone is kept out of that zone")
    func podAntiAffinity() {
        let existing = Fixture.pod("web-1", labels: ["app": "web"], node: "worker-1")
        let pod = Fixture.pod("web-2", labels: ["app": "web"], configure: withAffinity(anti: [term(["app": "web"], Self.zone)]))
        let statuses = Fixture.filter(InterPodAffinity(), pod, Fixture.snapshot(pods: [existing]))
        #expect(statuses["worker-1"] == Status(.unschedulable, "node(s) didn't match pod anti-affinity rules"))
        #expect(statuses["worker-3"]?.isSuccess == true)
    }

    @Test("A pod whose affinity matches no pod anywhere may schedule when it matches its own terms (first of a group)")
    func firstPodOfGroup() {
        let pod = Fixture.pod("web-1", labels: ["app": "web"], configure: withAffinity([term(["app": "web"], Self.zone)]))
        let statuses = Fixture.filter(InterPodAffinity(), pod, Fixture.snapshot())
        #expect(statuses["worker-1"]?.isSuccess == true)
        let stranger = Fixture.pod("other", labels: ["app": "other"], configure: withAffinity([term(["app": "web"], Self.zone)]))
        #expect(Fixture.filter(InterPodAffinity(), stranger, Fixture.snapshot())["worker-1"]
                == Status(.unschedulableAndUnresolvable, "node(s) didn't match pod affinity rules"))
    }

    @Test("Affinity terms apply to the pod's own namespace unless namespaces are given")
    func namespaces() {
        let existing = Fixture.pod("db", namespace: "other", labels: ["app": "db"], node: "worker-2")
        let pod = Fixture.pod("web", configure: withAffinity([term(["app": "db"], Self.zone)]))
        #expect(Fixture.filter(InterPodAffinity(), pod, Fixture.snapshot(pods: [existing]))["worker-2"]
                == Status(.unschedulableAndUnresolvable, "node(s) didn't match pod affinity rules"))
    }

    @Test("Affinity: pod that matches topology key & pods in nodes will get high score comparing to others")
    func preferredScore() {
        var weighted = WeightedPodAffinityTerm()
        weighted.weight = 5
        weighted.podAffinityTerm = term(["security": "S1"], Self.zone)
        let pod = Fixture.pod("p") { spec in
            var podAffinity = PodAffinity()
            podAffinity.preferredDuringSchedulingIgnoredDuringExecution = [weighted]
            var affinity = Affinity()
            affinity.podAffinity = podAffinity
            spec.affinity = affinity
        }
        let existing = Fixture.pod("s1", labels: ["security": "S1"], node: "worker-1")
        let scores = Fixture.score(InterPodAffinity(), pod, Fixture.snapshot(pods: [existing]))
        #expect(scores == ["control-plane": 0, "worker-1": 100, "worker-2": 0, "worker-3": 0])
    }
}
