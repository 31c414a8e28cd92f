import KubeModel

/// Picks a node for one pod: PreFilter, Filter on every node, PreScore, Score, NormalizeScore,
/// weights, then the best total; or, when no node fits, a `FitError` and DefaultPreemption's answer.
///
/// Upstream: `pkg/scheduler/schedule_one.go` (`schedulePod`, `findNodesThatFitPod`,
/// `prioritizeNodes`, `selectHost`), v1.33.0. Two deliberate differences:
/// - every node is filtered and scored (`percentageOfNodesToScore: 100`), so answers do not
///   depend on where the previous search stopped;
/// - among equal best totals upstream picks at random; we pick the node whose name sorts first,
///   so the same cluster always gives the same answer.
public struct Scheduler: Sendable {
    public let registry: PluginRegistry
    let framework: SchedulingFramework

    public init(registry: PluginRegistry = .default) {
        self.registry = registry
        framework = SchedulingFramework(registry)
    }

    /// Upstream `ErrNoNodesAvailable`, the message when the cluster has no nodes at all.
    public static let noNodesAvailableMessage = "no nodes available to schedule pods"

    public func schedule(_ pod: Pod, in snapshot: ClusterSnapshot) -> SchedulingResult {
        schedule(PodInfo(pod, priorityClasses: snapshot.priorityClasses), in: snapshot)
    }

    func schedule(_ pod: PodInfo, in snapshot: ClusterSnapshot) -> SchedulingResult {
        let state = CycleState()
        let nodeCount = snapshot.nodes.count
        let preFilter = framework.runPreFilter(pod, state, snapshot)
        if let rejection = preFilter.rejection {
            var fitError = FitError(numAllNodes: nodeCount, nodeToStatus: [:], absentNodesStatus: rejection,
                                    preFilterMessage: rejection.message)
            return unschedulable(pod, &fitError, snapshot)
        }
        var feasible: [Int] = []
        var nodeToStatus: [String: Status] = [:]
        let active = preFilter.activeFilters
        let restriction = state.read(PreFilterNodeNames.self)
        for position in 0..<nodeCount {
            if let restriction, !restriction.names.contains(snapshot.nodes[position].name) { continue }
            if let rejection = framework.firstRejection(pod, snapshot.nodes[position], state, active) {
                nodeToStatus[snapshot.nodes[position].name] = rejection
            } else {
                feasible.append(position)
            }
        }
        if feasible.isEmpty {
            // Upstream gives nodes a PreFilter plugin left out this status (findNodesThatFitPod).
            let absent = restriction.map {
                Status(.unschedulableAndUnresolvable, "node(s) didn't satisfy plugin(s) [\($0.plugins.sorted().joined(separator: " "))]")
            }
            var fitError = FitError(numAllNodes: nodeCount, nodeToStatus: nodeToStatus, absentNodesStatus: absent)
            return unschedulable(pod, &fitError, snapshot)
        }
        if feasible.count == 1 {
            // Upstream: "When only one node after predicate, just use it."
            let name = snapshot.nodes[feasible[0]].name
            return .scheduled(node: name, scores: [NodeScore(name: name, score: 0)])
        }
        let perPlugin = framework.runScore(pod, feasible, state, snapshot)
        let totals = framework.totals(perPlugin, count: feasible.count)
        var ranked: [NodeScore] = []
        ranked.reserveCapacity(feasible.count)
        var best = 0
        for index in feasible.indices {
            let name = snapshot.nodes[feasible[index]].name
            ranked.append(NodeScore(name: name, score: totals[index]))
            if totals[index] > totals[best] || (totals[index] == totals[best] && name < ranked[best].name) {
                best = index
            }
        }
        let chosen = ranked[best].name
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
        return .scheduled(node: chosen, scores: ranked)
    }

    private func unschedulable(_ pod: PodInfo, _ fitError: inout FitError, _ snapshot: ClusterSnapshot) -> SchedulingResult {
        if snapshot.nodes.isEmpty {
            return .unschedulable(fitError, preemption: PreemptionOutcome())
        }
        let outcome = registry.preemption?.preempt(pod, fitError: fitError, snapshot: snapshot, framework: framework)
            ?? PreemptionOutcome()
        fitError.postFilterMessage = outcome.message
        return .unschedulable(fitError, preemption: outcome)
    }
}
