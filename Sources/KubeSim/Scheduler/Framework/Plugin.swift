/// Scheduler plugin extension points, one small protocol each, as kube-scheduler has them.
///
/// Upstream: `staging/src/k8s.io/kube-scheduler/framework/interface.go`, v1.33.0. A plugin
/// implements only the points it needs; the framework runs them in `PluginRegistry` order.
/// Differences: plugins get the precomputed `PodInfo` (upstream's `framework.PodInfo`) and the
/// `ClusterSnapshot` directly instead of a `Handle`, and every call is synchronous.
public protocol Plugin: Sendable {
    /// The upstream plugin name (`TaintToleration`, `NodeResourcesFit`…), used in `why` and weights.
    var name: String { get }
}

/// Runs once per scheduling cycle before Filter. Returns `.skip` when the plugin's Filter has
/// nothing to check for this pod, or a rejection that applies to every node (upstream then
/// writes the same status for all nodes and puts its message into `FitError`'s PreFilter part).
public protocol PreFilterPlugin: Plugin {
    func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status
}

/// Decides whether a pod may run on one node. Returns `.success` or a rejection with
/// upstream's reason; `.unschedulableAndUnresolvable` keeps the node out of preemption.
public protocol FilterPlugin: Plugin {
    func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status
}

/// Runs once before Score with the nodes that passed every filter (indices into the snapshot).
/// Returns `.skip` when the plugin would give every node the same score.
public protocol PreScorePlugin: Plugin {
    func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status
}

/// Ranks one feasible node. Raw scores may use any range; `normalize` maps them to 0…100
/// (`maxNodeScore`) before the registry's weight is applied.
public protocol ScorePlugin: Plugin {
    func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64
    /// Upstream `ScoreExtensions().NormalizeScore`; the default leaves scores unchanged.
    func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState)
}

extension ScorePlugin {
    public func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState) {}
}

/// Upstream `framework.MaxNodeScore`: the highest score a plugin may give after normalisation.
public let maxNodeScore: Int64 = 100
