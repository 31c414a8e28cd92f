import KubeModel

/// One signature's verdict and raw scores on every node, so that scheduling another pod with
/// the same signature costs one pass over plain arrays instead of every plugin on every node.
///
/// Only what depends on the feasible set or on domain counts is recomputed per pod
/// (PodTopologySpread's filter, the highest raw score NormalizeScore divides by, the spread
/// score's domains and weights); a node's entries change only when a pod is bound to or removed
/// from it (`refresh`). The plugins' own `filter` and
/// `score` compute the entries, so the answers are the exhaustive path's by construction.
final class EquivalenceClass {
    /// A Score plugin whose NormalizeScore is `DefaultNormalizeScore` (divide by the highest).
    struct MaxNormalizedScore {
        let plugin: any ScorePlugin
        let weight: Int64
        let reverse: Bool
        var raw: [Int64]
        /// Nodes with a raw score other than 0: at 0 the normalised scores are constant.
        var nonZeroCount = 0
    }

    // Hot properties skip the run-time exclusivity check, as the store's do (one thread at a
    // time, no inout handed out): the checks cost about 1 % of a CronJob month.
    let pod: PodInfo
    private let state = CycleState()
    private var filters: [any FilterPlugin] = []
    private var fixedScores: [(plugin: any ScorePlugin, weight: Int64)] = []
    @exclusivity(unchecked) private var maxNormalized: [MaxNormalizedScore] = []
    @exclusivity(unchecked) private var spreadFilter: SpreadFilterCache?
    @exclusivity(unchecked) private var spread: SpreadScoreCache?
    private var spreadWeight: Int64 = 0
    /// Per node: passes every node-local filter.
    @exclusivity(unchecked) private var feasible: [Bool]
    /// Scratch: `feasible` and the spread filter, this cycle.
    @exclusivity(unchecked) private var cycleFeasible: [Bool] = []
    /// Weighted sum of the scores NormalizeScore leaves alone (0 on infeasible nodes).
    @exclusivity(unchecked) private var fixed: [Int64]
    @exclusivity(unchecked) private var spreadScores: [Int64]
    /// How many of `BatchScheduler`'s changes this class has seen.
    @exclusivity(unchecked) private(set) var syncedTo: Int

    /// Nil when a plugin this pod activates looks beyond one node, restricts or rejects in
    /// PreFilter, or is not one of the default plugins: such pods go the exhaustive way.
    init?(_ pod: PodInfo, _ framework: SchedulingFramework, _ snapshot: ClusterSnapshot, syncedTo: Int) {
        self.pod = pod
        self.syncedTo = syncedTo
        let count = snapshot.nodes.count
        feasible = Array(repeating: false, count: count)
        fixed = Array(repeating: 0, count: count)
        spreadScores = Array(repeating: 0, count: count)
        let preFilter = framework.runPreFilter(pod, state, snapshot)
        if preFilter.rejection != nil || state.read(PreFilterNodeNames.self) != nil { return nil }
        for plugin in preFilter.activeFilters {
            if plugin is PodTopologySpread {
                spreadFilter = SpreadFilterCache(pod, snapshot)
                if spreadFilter == nil { return nil }
                continue
            }
            guard Self.isNodeLocal(plugin) else { return nil }
            filters.append(plugin)
        }
        let all = Array(snapshot.nodes.indices)
        for slot in framework.scores {
            switch slot.plugin {
            case is NodeResourcesFit, is NodeResourcesBalancedAllocation, is ImageLocality, is TaintToleration, is NodeAffinity:
                if let index = slot.preScoreIndex, framework.preScores[index].preScore(pod, all, state, snapshot).isSkip { continue }
                if slot.plugin is TaintToleration || slot.plugin is NodeAffinity {
                    maxNormalized.append(MaxNormalizedScore(plugin: slot.plugin, weight: slot.weight, reverse: slot.plugin is TaintToleration,
                                                            raw: Array(repeating: 0, count: count)))
                } else {
                    fixedScores.append((slot.plugin, slot.weight))
                }
            case is PodTopologySpread:
                guard spread == nil else { return nil }
                spread = SpreadScoreCache(pod, snapshot)
                spreadWeight = slot.weight
            case is InterPodAffinity:
                // Its PreScore skips: the pod has no affinity terms (PodSignature) and
                // `BatchScheduler` checks that no bound pod has any.
                guard snapshot.podsWithAffinityCount == 0 else { return nil }
            default:
                return nil
            }
        }
        for position in snapshot.nodes.indices { refresh(position, snapshot.nodes[position]) }
    }

    /// Filters that read nothing but the pod and the node.
    static func isNodeLocal(_ plugin: any FilterPlugin) -> Bool {
        plugin is NodeUnschedulable || plugin is NodeName || plugin is TaintToleration || plugin is NodeAffinity
            || plugin is NodePorts || plugin is NodeResourcesFit
    }

    /// Recomputes one node's verdict and raw scores.
    func refresh(_ position: Int, _ node: NodeInfo) {
        let passes = filters.allSatisfy { $0.filter(pod, node, state).isSuccess }
        feasible[position] = passes
        var total: Int64 = 0
        if passes {
            for (plugin, weight) in fixedScores { total += plugin.score(pod, node, state) * weight }
        }
        fixed[position] = total
        for index in maxNormalized.indices {
            let value = passes ? maxNormalized[index].plugin.score(pod, node, state) : 0
            if maxNormalized[index].raw[position] != 0 { maxNormalized[index].nonZeroCount -= 1 }
            if value != 0 { maxNormalized[index].nonZeroCount += 1 }
            maxNormalized[index].raw[position] = value
        }
    }

    /// Takes in the binds and removals `changes` lists from `syncedTo` on.
    func catchUp(_ changes: ArraySlice<BatchScheduler.Change>, _ snapshot: ClusterSnapshot) {
        var changed: [Int] = []
        for change in changes {
            let position = Int(change.position)
            spread?.apply(change.pod, at: position, delta: change.delta)
            spreadFilter?.apply(change.pod, at: position, delta: Int(change.delta))
            if !changed.contains(position) { changed.append(position) }
        }
        for position in changed { refresh(position, snapshot.nodes[position]) }
        syncedTo = changes.endIndex
    }

    /// The change log was emptied after this class caught up with all of it.
    func rebase() { syncedTo = 0 }

    /// The feasible node with the best weighted total, ties to the name ranked first (as
    /// `Scheduler.schedule` breaks them); nil when no node fits.
    func choose(nameRanks: [Int32]) -> (position: Int, total: Int64, feasibleCount: Int)? {
        cycleFeasible = feasible
        spreadFilter?.filter(&cycleFeasible)
        let feasible = cycleFeasible
        var constant: Int64 = 0
        var varying: [(raw: [Int64], weight: Int64, reverse: Bool, max: Int64)] = []
        for score in maxNormalized {
            if score.nonZeroCount == 0 {
                if score.reverse { constant += maxNodeScore * score.weight }
                continue
            }
            var highest: Int64 = 0
            for position in feasible.indices where feasible[position] && score.raw[position] > highest {
                highest = score.raw[position]
            }
            varying.append((score.raw, score.weight, score.reverse, highest))
        }
        if spread != nil { spread?.normalizedScores(feasible: feasible, into: &spreadScores) }
        // Weighted spread scores join `fixed` in `totals`, so the pass below adds one array.
        var totals = fixed
        if spread != nil {
            totals.withUnsafeMutableBufferPointer { totals in
                spreadScores.withUnsafeBufferPointer { spreadScores in
                    for position in 0..<totals.count { totals[position] += spreadScores[position] * spreadWeight }
                }
            }
        }
        for score in varying {
            var table = NormalizationTable()
            for position in feasible.indices where feasible[position] {
                totals[position] += score.weight * table.value(for: score.raw[position]) { raw in
                    // DefaultNormalizeScore: unchanged (or all maxNodeScore reversed) when the highest is 0.
                    if score.max == 0 { return score.reverse ? maxNodeScore : raw }
                    let scaled = maxNodeScore * raw / score.max
                    return score.reverse ? maxNodeScore - scaled : scaled
                }
            }
        }
        var best = -1, bestTotal = Int64.min, bestRank = Int32.max, feasibleCount = 0
        feasible.withUnsafeBufferPointer { feasible in
            totals.withUnsafeBufferPointer { totals in
                nameRanks.withUnsafeBufferPointer { ranks in
                    for position in 0..<feasible.count where feasible[position] {
                        feasibleCount += 1
                        let total = totals[position]
                        if total > bestTotal || (total == bestTotal && ranks[position] < bestRank) {
                            best = position
                            bestTotal = total
                            bestRank = ranks[position]
                        }
                    }
                }
            }
        }
        bestTotal += constant
        return best < 0 ? nil : (best, bestTotal, feasibleCount)
    }
}
