import KubeModel

/// PostFilter: when a pod fits nowhere, find a node where deleting lower-priority pods makes room,
/// keeping as many of them as possible.
///
/// Upstream: `pkg/scheduler/framework/preemption/preemption.go` (`Preempt`, `findCandidates`,
/// `DryRunPreemption`) and `plugins/defaultpreemption/default_preemption.go` (`SelectVictimsOnNode`,
/// `PodEligibleToPreemptOthers`, `pickOneNodeForPreemption`), v1.33.0. Only nodes whose filter
/// status was `Unschedulable` are tried; on each, every lower-priority pod is removed, the filters
/// rerun, then pods are put back most important first while the pod still fits. Without a
/// candidate the answer is a `FitError` over the tried nodes, the others counted as "Preemption is
/// not helpful for scheduling", prefixed `preemption: `. Not modelled: PodDisruptionBudgets,
/// nominated pods, and the random subset of nodes upstream tries first in large clusters.
public struct DefaultPreemption: Sendable {
    public static let name = "DefaultPreemption"

    /// Status of nodes preemption cannot help (upstream, `Preempt`).
    public static let notHelpfulReason = "Preemption is not helpful for scheduling"
    /// Status of a node without lower-priority pods (upstream `SelectVictimsOnNode`).
    public static let noVictimsReason = "No preemption victims found for incoming pod"
    /// Upstream `PodEligibleToPreemptOthers` for `preemptionPolicy: Never`.
    public static let preemptionPolicyNeverMessage = "not eligible due to preemptionPolicy=Never."

    public init() {}

    func preempt(_ pod: PodInfo, fitError: FitError, snapshot: ClusterSnapshot, framework: SchedulingFramework) -> PreemptionOutcome {
        if pod.pod.spec?.preemptionPolicy == "Never" {
            return PreemptionOutcome(message: "preemption: " + Self.preemptionPolicyNeverMessage)
        }
        let potential = snapshot.nodes.indices.filter { position in
            let status = fitError.nodeToStatus[snapshot.nodes[position].name] ?? fitError.absentNodesStatus
            return status?.code == .unschedulable
        }
        var nodeStatuses: [String: Status] = [:]
        var candidates: [Candidate] = []
        for position in potential {
            switch selectVictims(pod, on: position, snapshot: snapshot, framework: framework) {
            case .success(let victims): candidates.append(Candidate(position: position, victims: victims))
            case .failure(let rejection): nodeStatuses[snapshot.nodes[position].name] = rejection.status
            }
        }
        guard let best = Self.pickOne(candidates) else {
            let inner = FitError(numAllNodes: snapshot.nodes.count, nodeToStatus: nodeStatuses,
                                 absentNodesStatus: Status(.unschedulableAndUnresolvable, Self.notHelpfulReason))
            return PreemptionOutcome(message: "preemption: " + inner.message)
        }
        return PreemptionOutcome(nominatedNodeName: snapshot.nodes[best.position].name, victims: best.victims.map(\.pod))
    }

    struct Candidate {
        var position: Int
        /// Most important first.
        var victims: [PodInfo]
    }

    struct Rejection: Error { var status: Status }

    /// Upstream `SelectVictimsOnNode`: the fewest lower-priority pods whose removal lets the pod fit.
    private func selectVictims(_ pod: PodInfo, on position: Int, snapshot: ClusterSnapshot,
                               framework: SchedulingFramework) -> Result<[PodInfo], Rejection> {
        var node = snapshot.nodes[position]
        let potential = node.podInfos.filter { $0.priority < pod.priority }.sorted(by: Self.isMoreImportant)
        if potential.isEmpty { return .failure(Rejection(status: Status(.unschedulableAndUnresolvable, Self.noVictimsReason))) }
        var trial = snapshot
        for victim in potential {
            node.remove(podKey: victim.key)
            trial.removePod(namespace: victim.namespace, name: victim.name)
        }
        if let rejection = Self.rejection(pod, node, trial, framework) { return .failure(Rejection(status: rejection)) }
        var victims: [PodInfo] = []
        for candidate in potential {
            node.add(candidate)
            trial.bind(candidate, to: node.name)
            if Self.rejection(pod, node, trial, framework) != nil {
                node.remove(podKey: candidate.key)
                trial.removePod(namespace: candidate.namespace, name: candidate.name)
                victims.append(candidate)
            }
        }
        return .success(victims)
    }

    /// Runs PreFilter on the what-if cluster and the filters on the what-if node.
    private static func rejection(_ pod: PodInfo, _ node: NodeInfo, _ trial: ClusterSnapshot,
                                  _ framework: SchedulingFramework) -> Status? {
        let state = CycleState()
        let outcome = framework.runPreFilter(pod, state, trial)
        if let rejection = outcome.rejection { return rejection }
        return framework.firstRejection(pod, node, state, outcome.activeFilters)
    }

    /// Upstream `util.MoreImportantPod`: higher priority, then the earlier start time.
    static func isMoreImportant(_ lhs: PodInfo, _ rhs: PodInfo) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        switch (lhs.startTime, rhs.startTime) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        default: return lhs.key < rhs.key
        }
    }

    /// Upstream `pickOneNodeForPreemption` without PDBs: lowest highest-victim priority, then the
    /// lowest sum of priorities, then fewest victims, then the latest start among the highest
    /// victims, then the first node in snapshot order.
    static func pickOne(_ candidates: [Candidate]) -> Candidate? {
        func highest(_ candidate: Candidate) -> Int32 { candidate.victims.first?.priority ?? Int32.min }
        func sum(_ candidate: Candidate) -> Int64 {
            candidate.victims.reduce(0) { $0 + Int64($1.priority) + Int64(Int32.max) + 1 }
        }
        func latestStart(_ candidate: Candidate) -> String {
            let top = highest(candidate)
            return candidate.victims.filter { $0.priority == top }.compactMap(\.startTime).max() ?? ""
        }
        var best: Candidate?
        for candidate in candidates {
            guard let current = best else { best = candidate; continue }
            let order: [(Bool, Bool)] = [
                (highest(candidate) < highest(current), highest(candidate) > highest(current)),
                (sum(candidate) < sum(current), sum(candidate) > sum(current)),
                (candidate.victims.count < current.victims.count, candidate.victims.count > current.victims.count),
                (latestStart(candidate) > latestStart(current), latestStart(candidate) < latestStart(current)),
            ]
            for (better, worse) in order {
                if better { best = candidate; break }
                if worse { break }
            }
        }
        return best
    }
}
