/// Runs the registry's plugins at each extension point, as `frameworkImpl` does.
///
/// Upstream: `pkg/scheduler/framework/runtime/framework.go` (`RunPreFilterPlugins`,
/// `RunFilterPlugins`, `RunScorePlugins`), v1.33.0: a PreFilter `Skip` disables the plugin's Filter
/// for the cycle, a PreFilter rejection ends the cycle for every node, Filter stops at a node's
/// first rejection, a PreScore `Skip` disables the plugin's Score.
struct SchedulingFramework: Sendable {
    struct FilterSlot: Sendable {
        var plugin: any FilterPlugin
        /// Index of the same plugin in `preFilters`, when it has a PreFilter.
        var preFilterIndex: Int?
    }

    struct ScoreSlot: Sendable {
        var plugin: any ScorePlugin
        var weight: Int64
        var preScoreIndex: Int?
    }

    let preFilters: [any PreFilterPlugin]
    let filters: [FilterSlot]
    let preScores: [any PreScorePlugin]
    let scores: [ScoreSlot]

    init(_ registry: PluginRegistry) {
        var preFilters: [any PreFilterPlugin] = []
        var filters: [FilterSlot] = []
        var preScores: [any PreScorePlugin] = []
        var scores: [ScoreSlot] = []
        for entry in registry.entries {
            var preFilterIndex: Int?
            if let plugin = entry.plugin as? any PreFilterPlugin {
                preFilterIndex = preFilters.count
                preFilters.append(plugin)
            }
            if let plugin = entry.plugin as? any FilterPlugin {
                filters.append(FilterSlot(plugin: plugin, preFilterIndex: preFilterIndex))
            }
            var preScoreIndex: Int?
            if let plugin = entry.plugin as? any PreScorePlugin {
                preScoreIndex = preScores.count
                preScores.append(plugin)
            }
            if let plugin = entry.plugin as? any ScorePlugin, entry.weight > 0 {
                scores.append(ScoreSlot(plugin: plugin, weight: entry.weight, preScoreIndex: preScoreIndex))
            }
        }
        self.preFilters = preFilters
        self.filters = filters
        self.preScores = preScores
        self.scores = scores
    }

    /// The outcome of PreFilter: which filters stay active, or the rejection for all nodes.
    struct PreFilterOutcome {
        var activeFilters: [any FilterPlugin]
        /// Per `filters` entry: true when its PreFilter skipped.
        var skipped: [Bool]
        var rejection: Status?
    }

    func runPreFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> PreFilterOutcome {
        var preFilterSkipped = [Bool](repeating: false, count: preFilters.count)
        var rejection: Status?
        for (index, plugin) in preFilters.enumerated() {
            let status = plugin.preFilter(pod, state, snapshot)
            if status.isSkip {
                preFilterSkipped[index] = true
            } else if !status.isSuccess {
                // Upstream stops at UnschedulableAndUnresolvable; Unschedulable lets later PreFilters run.
                if rejection == nil || status.code == .unschedulableAndUnresolvable {
                    rejection = status.with(plugin: plugin.name)
                }
                if status.code != .unschedulable { break }
            }
        }
        var active: [any FilterPlugin] = []
        var skipped: [Bool] = []
        for slot in filters {
            let isSkipped = slot.preFilterIndex.map { preFilterSkipped[$0] } ?? false
            skipped.append(isSkipped)
            if !isSkipped { active.append(slot.plugin) }
        }
        return PreFilterOutcome(activeFilters: active, skipped: skipped, rejection: rejection)
    }

    /// The node's first rejection, or nil when every active filter passes it.
    @inline(__always)
    func firstRejection(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState, _ active: [any FilterPlugin]) -> Status? {
        for plugin in active {
            let status = plugin.filter(pod, node, state)
            if !status.isSuccess { return status.with(plugin: plugin.name) }
        }
        return nil
    }

    /// Per score plugin: the normalised (unweighted) scores of `feasible`, or nil when it skipped.
    func runScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> [[NodeScore]?] {
        var preScoreSkipped = [Bool](repeating: false, count: preScores.count)
        for (index, plugin) in preScores.enumerated() {
            let status = plugin.preScore(pod, feasible, state, snapshot)
            if status.isSkip { preScoreSkipped[index] = true }
        }
        var result: [[NodeScore]?] = []
        result.reserveCapacity(scores.count)
        for slot in scores {
            if let index = slot.preScoreIndex, preScoreSkipped[index] {
                result.append(nil)
                continue
            }
            var list: [NodeScore] = []
            list.reserveCapacity(feasible.count)
            for position in feasible {
                let node = snapshot.nodes[position]
                list.append(NodeScore(name: node.name, score: slot.plugin.score(pod, node, state)))
            }
            slot.plugin.normalize(&list, pod, state)
            result.append(list)
        }
        return result
    }

    /// Weighted totals per feasible node, in `feasible` order.
    func totals(_ perPlugin: [[NodeScore]?], count: Int) -> [Int64] {
        var totals = [Int64](repeating: 0, count: count)
        for (slot, scores) in zip(self.scores, perPlugin) {
            guard let scores else { continue }
            for index in 0..<count { totals[index] += scores[index].score * slot.weight }
        }
        return totals
    }
}
