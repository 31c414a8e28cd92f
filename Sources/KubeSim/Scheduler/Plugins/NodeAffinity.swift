import KubeModel

/// Keeps pods on nodes matching `spec.nodeSelector` and required node affinity, and prefers
/// nodes matching heavier `preferredDuringSchedulingIgnoredDuringExecution` terms.
///
/// Upstream: `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go`, v1.33.0. PreFilter
/// skips pods with neither; when every required term names nodes through `matchFields`
/// `metadata.name In`, only those nodes are considered (upstream `PreFilterResult`). Score sums
/// the weights of matching preferred terms, normalised by the highest.
public struct NodeAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static let name = "NodeAffinity"
    public var name: String { Self.name }

    /// Upstream `ErrReasonPod`.
    public static let podReason = "node(s) didn't match Pod's node affinity/selector"
    /// Upstream `errReasonConflict`: the required terms name disjoint sets of nodes.
    public static let conflictReason = "pod affinity terms conflict"

    public init() {}

    public func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let required = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
        if required == nil && pod.pod.spec?.nodeSelector == nil { return .skip }
        guard let terms = required?.nodeSelectorTerms, !terms.isEmpty else { return .success }
        var nodeNames: Set<String>?
        for term in terms {
            var termNames: Set<String>?
            for field in term.matchFields ?? [] where field.key == "metadata.name" && field.operator == "In" {
                let names = Set(field.values ?? [])
                termNames = termNames.map { $0.intersection(names) } ?? names
            }
            // A term without a node-name requirement allows every node: the terms are ORed.
            guard let termNames else { return .success }
            nodeNames = (nodeNames ?? []).union(termNames)
        }
        if let nodeNames {
            if nodeNames.isEmpty { return Status(.unschedulableAndUnresolvable, Self.conflictReason) }
            state.restrictNodes(to: nodeNames, by: Self.name)
        }
        return .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        pod.requiredNodeAffinity.matches(node.node) ? .success : Status(.unschedulableAndUnresolvable, Self.podReason)
    }

    public func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
        return preferred.isEmpty ? .skip : .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        var total: Int64 = 0
        for term in pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
        where term.weight != 0 && NodeSelectorMatching.matches(term.preference, node.node) {
            total += Int64(term.weight)
        }
        return total
    }

    public func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState) {
        NormalizeScore.default(maxNodeScore, reverse: false, &scores)
    }
}
