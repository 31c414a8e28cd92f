import KubeModel

extension Scheduler {
    /// The table behind `why <pod>`: every filter plugin on every node (a real scheduler stops at
    /// a node's first rejection; here all reasons show), then the weighted scores of the nodes
    /// that pass every filter, and what `schedule` would decide.
    public func explain(_ pod: Pod, in snapshot: ClusterSnapshot) -> SchedulingExplanation {
        let podInfo = PodInfo(pod, priorityClasses: snapshot.priorityClasses)
        let state = CycleState()
        let preFilter = framework.runPreFilter(podInfo, state, snapshot)
        let rejectingPlugin = preFilter.rejection?.plugin
        var rows: [SchedulingExplanation.NodeRow] = []
        var feasible: [Int] = []
        for (position, node) in snapshot.nodes.enumerated() {
            var verdicts: [SchedulingExplanation.Verdict] = []
            for (slot, isSkipped) in zip(framework.filters, preFilter.skipped) {
                if let rejection = preFilter.rejection, slot.plugin.name == rejectingPlugin {
                    verdicts.append(.rejected(rejection))
                } else if isSkipped {
                    verdicts.append(.skipped)
                } else if preFilter.rejection != nil, state.isMissingPreFilterState(of: slot.plugin) {
                    // PreFilter stopped before this plugin computed its state: nothing to show.
                    verdicts.append(.skipped)
                } else {
                    let status = slot.plugin.filter(podInfo, node, state)
                    verdicts.append(status.isSuccess ? .passed : .rejected(status.with(plugin: slot.plugin.name)))
                }
            }
            let row = SchedulingExplanation.NodeRow(node: node.name, verdicts: verdicts)
            if row.isFeasible && preFilter.rejection == nil { feasible.append(position) }
            rows.append(row)
        }
        var scoreRows: [SchedulingExplanation.ScoreRow] = []
        if !feasible.isEmpty {
            let perPlugin = framework.runScore(podInfo, feasible, state, snapshot)
            for (index, position) in feasible.enumerated() {
                var weighted: [Int64?] = []
                var total: Int64 = 0
                for (slot, scores) in zip(framework.scores, perPlugin) {
                    if let scores {
                        let value = scores[index].score * slot.weight
                        weighted.append(value)
                        total += value
                    } else {
                        weighted.append(nil)
                    }
                }
                scoreRows.append(.init(node: snapshot.nodes[position].name, weightedScores: weighted, total: total))
            }
            scoreRows.sort { $0.total != $1.total ? $0.total > $1.total : $0.node < $1.node }
        }
        var chosen: String?
        var fitMessage: String?
        switch schedule(podInfo, in: snapshot) {
        case .scheduled(let node, _): chosen = node
        case .unschedulable(let fitError, _): fitMessage = fitError.message
        }
        return SchedulingExplanation(
            pod: podInfo.key, filterPlugins: framework.filters.map(\.plugin.name),
            scorePlugins: framework.scores.map { (name: $0.plugin.name, weight: $0.weight) },
            nodes: rows, scores: scoreRows, preFilterRejection: preFilter.rejection,
            chosenNode: chosen, fitErrorMessage: fitMessage)
    }
}

extension CycleState {
    /// True when a stateful filter plugin finds no PreFilter state (PreFilter ended early).
    func isMissingPreFilterState(of plugin: any FilterPlugin) -> Bool {
        (plugin as? any StatefulFilter)?.hasPreFilterState(self) == false
    }
}

/// A filter plugin whose Filter reads what its PreFilter wrote to the `CycleState`.
protocol StatefulFilter {
    func hasPreFilterState(_ state: CycleState) -> Bool
}
