import Foundation
import KubeModel

/// Spreads matching pods evenly across topology domains (zones, hosts…): `DoNotSchedule`
/// constraints filter, `ScheduleAnyway` constraints score.
///
/// Upstream: `pkg/scheduler/framework/plugins/podtopologyspread/{filtering,scoring,common,plugin}.go`,
/// v1.33.0. Filter: a node missing a constraint's topology key is rejected as unresolvable;
/// otherwise `matching pods in the node's domain + (1 if the pod matches itself) − global minimum`
/// must not exceed `maxSkew`, the minimum being 0 while fewer than `minDomains` domains exist.
/// Domains and counts only include nodes that pass the pod's required node affinity
/// (`nodeAffinityPolicy: Honor`, the default) and, with `nodeTaintsPolicy: Honor`, whose taints the
/// pod tolerates. Not modelled: the cluster-level default constraints, which upstream applies
/// only to pods selected by a Service, ReplicaSet or StatefulSet.
public struct PodTopologySpread: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, StatefulFilter {
    public static let name = "PodTopologySpread"
    public var name: String { Self.name }

    /// Upstream `ErrReasonConstraintsNotMatch`.
    public static let constraintsNotMatchReason = "node(s) didn't match pod topology spread constraints"
    /// Upstream `ErrReasonNodeLabelNotMatch`.
    public static let nodeLabelNotMatchReason = constraintsNotMatchReason + " (missing required label)"

    static let hostnameKey = "kubernetes.io/hostname"

    public init() {}

    /// One constraint with its selector parsed (upstream `topologySpreadConstraint`).
    struct Constraint {
        var maxSkew: Int32
        var topologyKey: String
        var selector: LabelMatcher
        var minDomains: Int32
        var honorsNodeAffinity: Bool
        var honorsNodeTaints: Bool

        /// Upstream `matchNodeInclusionPolicies`.
        func includes(_ node: NodeInfo, for pod: PodInfo) -> Bool {
            if honorsNodeAffinity && !pod.requiredNodeAffinity.matches(node.node) { return false }
            if honorsNodeTaints {
                for taint in node.taints where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
                    if !Tolerations.tolerate(pod.tolerations, taint) { return false }
                }
            }
            return true
        }
    }

    /// Upstream `filterTopologySpreadConstraints`: the pod's constraints with this action, with
    /// `matchLabelKeys` merged into the selector.
    static func constraints(of pod: PodInfo, action: String) -> [Constraint] {
        (pod.pod.spec?.topologySpreadConstraints ?? []).filter { $0.whenUnsatisfiable == action }.map { constraint in
            var selector = LabelMatcher(constraint.labelSelector)
            if constraint.labelSelector != nil { selector.addEquals(keys: constraint.matchLabelKeys ?? [], from: pod.labels) }
            return Constraint(maxSkew: constraint.maxSkew, topologyKey: constraint.topologyKey, selector: selector,
                              minDomains: constraint.minDomains ?? 1,
                              honorsNodeAffinity: (constraint.nodeAffinityPolicy ?? "Honor") == "Honor",
                              honorsNodeTaints: (constraint.nodeTaintsPolicy ?? "Ignore") == "Honor")
        }
    }

    /// Upstream `countPodsMatchSelector`: live pods in the pod's namespace matching the selector.
    static func countMatching(_ pods: [PodInfo], _ selector: LabelMatcher, namespace: String) -> Int {
        var count = 0
        for pod in pods where !pod.isTerminating && pod.namespace == namespace && selector.matches(pod.labels) { count += 1 }
        return count
    }

    static func hasAllKeys(_ labels: [String: String], _ constraints: [Constraint]) -> Bool {
        constraints.allSatisfy { labels[$0.topologyKey] != nil }
    }

    // MARK: Filter

    /// Upstream `preFilterState`: matching pods per domain, the domain count and minimum per key.
    final class FilterState {
        let constraints: [Constraint]
        var matchNum: [String: [String: Int]] = [:]

        init(constraints: [Constraint]) { self.constraints = constraints }

        /// Upstream `minMatchNum`: the smallest domain count, or 0 below `minDomains` domains.
        func minMatchNum(_ key: String, minDomains: Int32) -> Int {
            guard let domains = matchNum[key], let smallest = domains.values.min() else { return Int(Int32.max) }
            return domains.count < Int(minDomains) ? 0 : smallest
        }
    }

    func hasPreFilterState(_ state: CycleState) -> Bool { state.read(FilterState.self) != nil }

    public func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let constraints = Self.constraints(of: pod, action: "DoNotSchedule")
        if constraints.isEmpty { return .skip }
        let data = FilterState(constraints: constraints)
        for node in snapshot.nodes where Self.hasAllKeys(node.labels, constraints) {
            for constraint in constraints where constraint.includes(node, for: pod) {
                let value = node.labels[constraint.topologyKey] ?? ""
                let count = Self.countMatching(node.podInfos, constraint.selector, namespace: pod.namespace)
                data.matchNum[constraint.topologyKey, default: [:]][value, default: 0] += count
            }
        }
        state.write(data)
        return .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard let data = state.read(FilterState.self) else { return .success }
        for constraint in data.constraints {
            guard let value = node.labels[constraint.topologyKey] else {
                return Status(.unschedulableAndUnresolvable, Self.nodeLabelNotMatchReason)
            }
            let minimum = data.minMatchNum(constraint.topologyKey, minDomains: constraint.minDomains)
            let selfMatch = constraint.selector.matches(pod.labels) ? 1 : 0
            let matching = data.matchNum[constraint.topologyKey]?[value] ?? 0
            if matching + selfMatch - minimum > Int(constraint.maxSkew) {
                return Status(.unschedulable, Self.constraintsNotMatchReason)
            }
        }
        return .success
    }

    // MARK: Score

    /// Upstream `preScoreState`.
    final class ScoreState {
        let constraints: [Constraint]
        var ignoredNodes: Set<String> = []
        /// Per constraint: matching pods per domain (not for hostname, counted per node in Score).
        var podCounts: [[String: Int]]
        var normalizingWeights: [Double] = []

        init(constraints: [Constraint]) {
            self.constraints = constraints
            podCounts = Array(repeating: [:], count: constraints.count)
        }
    }

    public func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let constraints = Self.constraints(of: pod, action: "ScheduleAnyway")
        if constraints.isEmpty || feasible.isEmpty { return .skip }
        let data = ScoreState(constraints: constraints)
        var domains = [Int](repeating: 0, count: constraints.count)
        for position in feasible {
            let node = snapshot.nodes[position]
            if !Self.hasAllKeys(node.labels, constraints) {
                data.ignoredNodes.insert(node.name)
                continue
            }
            for (index, constraint) in constraints.enumerated() where constraint.topologyKey != Self.hostnameKey {
                let value = node.labels[constraint.topologyKey] ?? ""
                if data.podCounts[index][value] == nil {
                    data.podCounts[index][value] = 0
                    domains[index] += 1
                }
            }
        }
        data.normalizingWeights = constraints.enumerated().map { index, constraint in
            let size = constraint.topologyKey == Self.hostnameKey ? feasible.count - data.ignoredNodes.count : domains[index]
            return log(Double(size + 2))
        }
        for node in snapshot.nodes where Self.hasAllKeys(node.labels, constraints) {
            for (index, constraint) in constraints.enumerated() where constraint.includes(node, for: pod) {
                let value = node.labels[constraint.topologyKey] ?? ""
                guard let current = data.podCounts[index][value] else { continue }
                data.podCounts[index][value] = current + Self.countMatching(node.podInfos, constraint.selector, namespace: pod.namespace)
            }
        }
        state.write(data)
        return .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        guard let data = state.read(ScoreState.self), !data.ignoredNodes.contains(node.name) else { return 0 }
        var score = 0.0
        for (index, constraint) in data.constraints.enumerated() {
            guard let value = node.labels[constraint.topologyKey] else { continue }
            let count = constraint.topologyKey == Self.hostnameKey
                ? Self.countMatching(node.podInfos, constraint.selector, namespace: pod.namespace)
                : data.podCounts[index][value] ?? 0
            // Upstream `scoreForCount`.
            score += Double(count) * data.normalizingWeights[index] + Double(constraint.maxSkew - 1)
        }
        return Int64(score.rounded())
    }

    /// Upstream NormalizeScore: fewer matching pods is better; ignored nodes score 0.
    public func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState) {
        guard let data = state.read(ScoreState.self) else { return }
        var minScore = Int64.max, maxScore: Int64 = 0
        for score in scores where !data.ignoredNodes.contains(score.name) {
            minScore = min(minScore, score.score)
            maxScore = max(maxScore, score.score)
        }
        for index in scores.indices {
            if data.ignoredNodes.contains(scores[index].name) {
                scores[index].score = 0
            } else if maxScore == 0 {
                scores[index].score = maxNodeScore
            } else {
                scores[index].score = maxNodeScore * (maxScore + minScore - scores[index].score) / maxScore
            }
        }
    }
}
