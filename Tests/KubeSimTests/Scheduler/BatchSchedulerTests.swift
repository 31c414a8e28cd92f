import KubeModel
import Testing
@testable import KubeSim

/// `BatchScheduler` must decide exactly what the exhaustive `Scheduler.schedule` decides: the
/// scheduling cycle of pkg/scheduler/schedule_one.go (v1.33.0) run pod after pod against a cache
/// that assumes each binding. Each test schedules one queue both ways, the exhaustive way against
/// a snapshot updated with `ClusterSnapshot.bind`, and compares every decision: the node, or the
/// FailedScheduling message and the preemption outcome, and the chosen node's weighted total.
@Suite("BatchScheduler decides as Scheduler.schedule does")
struct BatchSchedulerTests {
    /// A deterministic pseudo-random source (an LCG), so a failing workload can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Twelve nodes in three zones of different sizes, some with `disk: ssd`, PreferNoSchedule
    /// and NoSchedule taints, images, one cordoned and one without a zone label.
    static func nodes() -> [Node] {
        (0..<12).map { index in
            var taints: [Taint] = []
            if index % 4 == 1 { taints.append(Fixture.taint("spot", "true", "PreferNoSchedule")) }
            if index == 7 { taints.append(Fixture.taint("gpu", "true", "NoSchedule")) }
            return Fixture.node("node-\(String(format: "%02d", 11 - index))", cpu: ["2", "4", "8"][index % 3],
                                memory: ["4Gi", "8Gi", "16Gi"][index % 3], pods: index == 5 ? "3" : "110",
                                zone: index == 10 ? nil : "zone-\(["a", "b", "c"][index % 3])",
                                labels: index % 2 == 0 ? ["disk": "ssd"] : [:], taints: taints,
                                unschedulable: index == 3, images: index % 5 == 0 ? [("nginx:latest", 500 * 1024 * 1024)] : [])
        }
    }

    /// One of a dozen templates: plain pods of several sizes, node selectors, tolerations,
    /// preferred node affinity, spread constraints (ScheduleAnyway and DoNotSchedule, zone and
    /// host), host ports, pods too big for any node; with `affinity`, also pod anti-affinity.
    static func pod(_ index: Int, template: Int) -> Pod {
        let app = "app-\(template % 4)"
        let sizes = ["100m", "250m", "500m", "1500m"]
        return Fixture.pod("pod-\(index)", cpu: sizes[template % 4], memory: template == 9 ? "64Gi" : "256Mi",
                           labels: ["app": app]) { spec in
            switch template {
            case 1: spec.nodeSelector = ["disk": "ssd"]
            case 2: spec.tolerations = [Fixture.toleration("spot", "Exists"), Fixture.toleration("gpu", "Exists")]
            case 3, 8: spec.topologySpreadConstraints = [spread("topology.kubernetes.io/zone", app, template == 3 ? "ScheduleAnyway" : "DoNotSchedule")]
            case 4: spec.topologySpreadConstraints = [spread("kubernetes.io/hostname", app, "ScheduleAnyway"),
                                                      spread("topology.kubernetes.io/zone", app, "ScheduleAnyway")]
            case 5:
                var preference = NodeSelectorTerm()
                var requirement = NodeSelectorRequirement()
                requirement.key = "disk"
                requirement.operator = "In"
                requirement.values = ["ssd"]
                preference.matchExpressions = [requirement]
                var preferred = PreferredSchedulingTerm()
                preferred.weight = 30
                preferred.preference = preference
                var nodeAffinity = KubeModel.NodeAffinity()
                nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = [preferred]
                var affinity = Affinity()
                affinity.nodeAffinity = nodeAffinity
                spec.affinity = affinity
            case 6: spec.containers = [Fixture.container(cpu: "200m", hostPort: 8080)]
            case 7: spec.initContainers = [Fixture.container("init", image: "busybox", cpu: "1")]
            case 11:
                var term = PodAffinityTerm()
                term.labelSelector = Fixture.selector(["app": app])
                term.topologyKey = "kubernetes.io/hostname"
                var antiAffinity = PodAntiAffinity()
                antiAffinity.requiredDuringSchedulingIgnoredDuringExecution = [term]
                var affinity = Affinity()
                affinity.podAntiAffinity = antiAffinity
                spec.affinity = affinity
            default: break
            }
        }
    }

    static func spread(_ key: String, _ app: String, _ action: String) -> TopologySpreadConstraint {
        var constraint = TopologySpreadConstraint()
        constraint.maxSkew = 1
        constraint.topologyKey = key
        constraint.whenUnsatisfiable = action
        constraint.labelSelector = Fixture.selector(["app": app])
        return constraint
    }

    /// Schedules `pods` both ways and returns the decisions that differ (none expected) and how
    /// many the batch scheduler made without the exhaustive path.
    static func compare(_ pods: [Pod], nodes: [Node]) -> (differences: [String], decisions: Int) {
        var snapshot = ClusterSnapshot(nodes: nodes)
        let batch = BatchScheduler(snapshot: snapshot)
        var differences: [String] = []
        for pod in pods {
            let expected = Scheduler().schedule(pod, in: snapshot)
            let actual = batch.schedule(pod)
            let name = pod.metadata.name ?? ""
            switch (expected, actual) {
            case (.scheduled(let node, let scores), .scheduled(let other, let otherScores)):
                if node != other { differences.append("\(name): \(node) vs \(other)") }
                // The chosen node's weighted total too, so a score that is off but does not
                // change the winner is caught.
                let total = scores.first { $0.name == node }?.score, otherTotal = otherScores.first?.score
                if total != otherTotal { differences.append("\(name): total \(total ?? -1) vs \(otherTotal ?? -1)") }
                var placed = pod
                placed.spec?.nodeName = node
                snapshot.bind(placed, to: node)
                batch.bind(placed, to: node)
            case (.unschedulable(let error, let preemption), .unschedulable(let other, let otherPreemption)):
                if error.message != other.message { differences.append("\(name): \(error.message) vs \(other.message)") }
                if preemption != otherPreemption { differences.append("\(name): preemption differs") }
            default:
                differences.append("\(name): \(expected.nodeName ?? "unschedulable") vs \(actual.nodeName ?? "unschedulable")")
            }
        }
        return (differences, batch.fastDecisions)
    }

    @Test("Mixed pods without pod affinity: the same node for every pod, the same FailedScheduling messages",
          arguments: [1, 7, 42])
    func mixedWorkload(seed: UInt64) {
        var generator = Generator(state: seed)
        let pods = (0..<160).map { Self.pod($0, template: generator.next(11)) }
        let result = Self.compare(pods, nodes: Self.nodes())
        #expect(result.differences == [])
        #expect(result.decisions > 80)  // most pods took the cached path, so it is the one compared
    }

    @Test("Once a pod with anti-affinity is bound, later pods still land where the exhaustive scheduler puts them")
    func withAntiAffinity() {
        var generator = Generator(state: 3)
        let pods = (0..<120).map { Self.pod($0, template: $0 == 60 ? 11 : generator.next(12)) }
        #expect(Self.compare(pods, nodes: Self.nodes()).differences == [])
    }

    @Test("Scores tie across many identical nodes: the name that sorts first wins, as upstream's selectHost is replaced here")
    func tiesAcrossIdenticalNodes() {
        let nodes = (0..<40).map { Fixture.node("node-\(39 - $0)", zone: "zone-\($0 % 3)") }
        let pods = (0..<200).map { Fixture.pod("pod-\($0)", cpu: "100m", memory: "128Mi", labels: ["app": "web"]) }
        let result = Self.compare(pods, nodes: nodes)
        #expect(result.differences == [])
        #expect(result.decisions == 200)
    }
}
