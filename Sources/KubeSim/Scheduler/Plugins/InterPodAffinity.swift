import KubeModel

/// Pod affinity and anti-affinity: place a pod near (or away from) pods with given labels within
/// a topology domain (`topologyKey`: host, zone…), and respect the anti-affinity of pods already
/// running.
///
/// Upstream: `pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring,plugin}.go`,
/// v1.33.0. PreFilter counts, per topology pair, existing pods matching the incoming pod's
/// required terms (affinity: a pod must match all terms) and existing pods' required
/// anti-affinity terms matching the incoming pod. Filter checks affinity first
/// (unresolvable), then the pod's anti-affinity and existing pods' anti-affinity (resolvable by
/// preemption). A pod whose affinity matches no pod anywhere may still go where the topology keys
/// exist if it matches its own terms (the first pod of a group). Score adds preferred term weights
/// (and `hardPodAffinityWeight` 1 for existing pods' required affinity) per topology pair, then
/// scales min…max to 0…100.
public struct InterPodAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, StatefulFilter {
    public static let name = "InterPodAffinity"
    public var name: String { Self.name }

    /// Upstream `ErrReasonExistingAntiAffinityRulesNotMatch`.
    public static let existingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules"
    /// Upstream `ErrReasonAffinityRulesNotMatch`.
    public static let affinityReason = "node(s) didn't match pod affinity rules"
    /// Upstream `ErrReasonAntiAffinityRulesNotMatch`.
    public static let antiAffinityReason = "node(s) didn't match pod anti-affinity rules"
    /// Upstream `HardPodAffinityWeight` default (`InterPodAffinityArgs`).
    static let hardPodAffinityWeight: Int64 = 1

    public init() {}

    /// Counts by topology key, then value.
    typealias TopologyCounts = [String: [String: Int64]]

    final class FilterState {
        var existingAntiAffinityCounts: TopologyCounts = [:]
        var affinityCounts: TopologyCounts = [:]
        var antiAffinityCounts: TopologyCounts = [:]
        var namespaceLabels: [String: String]?
    }

    func hasPreFilterState(_ state: CycleState) -> Bool { state.read(FilterState.self) != nil }

    public func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let hasTerms = !pod.requiredAffinityTerms.isEmpty || !pod.requiredAntiAffinityTerms.isEmpty
        if !hasTerms && snapshot.podsWithRequiredAntiAffinityCount == 0 { return .skip }
        let data = FilterState()
        data.namespaceLabels = snapshot.labels(ofNamespace: pod.namespace)
        for node in snapshot.nodes {
            for existing in node.podsWithRequiredAntiAffinity {
                for term in existing.requiredAntiAffinityTerms where term.matches(pod, namespaceLabels: data.namespaceLabels) {
                    if let value = node.labels[term.topologyKey] { data.existingAntiAffinityCounts[term.topologyKey, default: [:]][value, default: 0] += 1 }
                }
            }
            guard hasTerms else { continue }
            for existing in node.podInfos {
                let labels = snapshot.labels(ofNamespace: existing.namespace)
                if !pod.requiredAffinityTerms.isEmpty
                    && pod.requiredAffinityTerms.allSatisfy({ $0.matches(existing, namespaceLabels: labels) }) {
                    for term in pod.requiredAffinityTerms {
                        if let value = node.labels[term.topologyKey] { data.affinityCounts[term.topologyKey, default: [:]][value, default: 0] += 1 }
                    }
                }
                for term in pod.requiredAntiAffinityTerms where term.matches(existing, namespaceLabels: labels) {
                    if let value = node.labels[term.topologyKey] { data.antiAffinityCounts[term.topologyKey, default: [:]][value, default: 0] += 1 }
                }
            }
        }
        state.write(data)
        return .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard let data = state.read(FilterState.self) else { return .success }
        if !satisfiesAffinity(pod, node, data) { return Status(.unschedulableAndUnresolvable, Self.affinityReason) }
        for term in pod.requiredAntiAffinityTerms {
            if let value = node.labels[term.topologyKey], (data.antiAffinityCounts[term.topologyKey]?[value] ?? 0) > 0 {
                return Status(.unschedulable, Self.antiAffinityReason)
            }
        }
        if !data.existingAntiAffinityCounts.isEmpty {
            for (key, value) in node.labels where (data.existingAntiAffinityCounts[key]?[value] ?? 0) > 0 {
                return Status(.unschedulable, Self.existingAntiAffinityReason)
            }
        }
        return .success
    }

    /// Upstream `satisfyPodAffinity`.
    private func satisfiesAffinity(_ pod: PodInfo, _ node: NodeInfo, _ data: FilterState) -> Bool {
        var podsExist = true
        for term in pod.requiredAffinityTerms {
            guard let value = node.labels[term.topologyKey] else { return false }
            if (data.affinityCounts[term.topologyKey]?[value] ?? 0) <= 0 { podsExist = false }
        }
        if podsExist { return true }
        // The first pod of a group with affinity to itself must not stay pending forever.
        return data.affinityCounts.isEmpty
            && pod.requiredAffinityTerms.allSatisfy { $0.matches(pod, namespaceLabels: data.namespaceLabels) }
    }

    // MARK: Score

    final class ScoreState {
        var topologyScore: TopologyCounts = [:]
    }

    public func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let hasConstraints = !pod.preferredAffinityTerms.isEmpty || !pod.preferredAntiAffinityTerms.isEmpty
        if !hasConstraints && snapshot.podsWithAffinityCount == 0 { return .skip }
        let data = ScoreState()
        let namespaceLabels = snapshot.labels(ofNamespace: pod.namespace)
        for node in snapshot.nodes where !node.labels.isEmpty {
            for existing in hasConstraints ? node.podInfos : node.podsWithAffinity {
                let existingLabels = snapshot.labels(ofNamespace: existing.namespace)
                func add(_ term: AffinityTerm, _ weight: Int64, _ target: PodInfo, _ labels: [String: String]?) {
                    guard term.matches(target, namespaceLabels: labels), let value = node.labels[term.topologyKey] else { return }
                    data.topologyScore[term.topologyKey, default: [:]][value, default: 0] += weight
                }
                for weighted in pod.preferredAffinityTerms { add(weighted.term, Int64(weighted.weight), existing, existingLabels) }
                for weighted in pod.preferredAntiAffinityTerms { add(weighted.term, -Int64(weighted.weight), existing, existingLabels) }
                for term in existing.requiredAffinityTerms { add(term, Self.hardPodAffinityWeight, pod, namespaceLabels) }
                for weighted in existing.preferredAffinityTerms { add(weighted.term, Int64(weighted.weight), pod, namespaceLabels) }
                for weighted in existing.preferredAntiAffinityTerms { add(weighted.term, -Int64(weighted.weight), pod, namespaceLabels) }
            }
        }
        if data.topologyScore.isEmpty { return .skip }
        state.write(data)
        return .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        guard let data = state.read(ScoreState.self) else { return 0 }
        var total: Int64 = 0
        for (key, values) in data.topologyScore {
            if let value = node.labels[key], let score = values[value] { total += score }
        }
        return total
    }

    /// Upstream NormalizeScore: `100 × (score − min) / (max − min)`, all 0 when they are equal.
    public func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState) {
        guard let minScore = scores.map(\.score).min(), let maxScore = scores.map(\.score).max() else { return }
        let difference = maxScore - minScore
        for index in scores.indices {
            let fraction = difference > 0 ? Double(scores[index].score - minScore) / Double(difference) : 0
            scores[index].score = Int64(Double(maxNodeScore) * fraction)
        }
    }
}
