import Foundation

/// PodTopologySpread's Score for one signature, kept up to date pod by pod instead of recounted
/// over every node's pods each cycle.
///
/// It reproduces `PodTopologySpread.preScore`, `score` and `normalize` (upstream
/// `pkg/scheduler/framework/plugins/podtopologyspread/scoring.go`, v1.33.0) from counts: the
/// matching pods per node and per domain change only when a pod is bound to or removed from a
/// node, by one. The feasible-set parts (ignored nodes, domains among feasible nodes, the
/// normalizing weights, min and max) are recomputed per pod in two passes over plain arrays.
struct SpreadScoreCache {
    struct ConstraintCounts {
        let constraint: PodTopologySpread.Constraint
        let isHostname: Bool
        /// Per node: the domain of its `topologyKey` value, -1 without the label.
        let domainOfNode: [Int32]
        /// Per node: counted into its domain (upstream `matchNodeInclusionPolicies` and all keys present).
        let countsIntoDomain: [Bool]
        /// Per node: its live pods in the pod's namespace matching the selector.
        var matchingOnNode: [Int32]
        /// Per domain: the sum of `matchingOnNode` over the nodes counted into it.
        var matchingInDomain: [Int]
        let domainCount: Int
    }

    let namespace: String
    var constraints: [ConstraintCounts]
    /// Per node: has every constraint's key (else PreScore ignores it and it scores 0).
    let hasAllKeys: [Bool]
    /// Scratch per node: the raw score of the current cycle.
    private var raw: [Int64]

    init?(_ pod: PodInfo, _ snapshot: ClusterSnapshot) {
        let constraints = PodTopologySpread.constraints(of: pod, action: "ScheduleAnyway")
        if constraints.isEmpty { return nil }
        namespace = pod.namespace
        let nodes = snapshot.nodes
        // Index by index: `map` over the nodes would copy each whole NodeInfo.
        let hasAllKeys = nodes.indices.map { PodTopologySpread.hasAllKeys(nodes[$0].labels, constraints) }
        let namespace = pod.namespace
        self.hasAllKeys = hasAllKeys
        self.constraints = constraints.map { constraint in
            let domains = TopologyDomains(nodes, key: constraint.topologyKey)
            let domainOfNode = domains.ofNode
            let includesEvery = constraint.includesEveryNode(for: pod)
            let countsIntoDomain = nodes.indices.map { hasAllKeys[$0] && (includesEvery || constraint.includes(nodes[$0], for: pod)) }
            let matchingOnNode = nodes.indices.map {
                Int32(PodTopologySpread.countMatching(nodes[$0].podInfos, constraint.selector, namespace: namespace))
            }
            var matchingInDomain = [Int](repeating: 0, count: domains.count)
            for position in nodes.indices where countsIntoDomain[position] {
                matchingInDomain[Int(domainOfNode[position])] += Int(matchingOnNode[position])
            }
            return ConstraintCounts(constraint: constraint, isHostname: constraint.topologyKey == PodTopologySpread.hostnameKey,
                                    domainOfNode: domainOfNode, countsIntoDomain: countsIntoDomain, matchingOnNode: matchingOnNode,
                                    matchingInDomain: matchingInDomain, domainCount: domains.count)
        }
        raw = Array(repeating: 0, count: nodes.count)
    }

    /// Accounts for `pod` bound to (`delta` 1) or removed from (-1) the node at `position`.
    mutating func apply(_ pod: PodInfo, at position: Int, delta: Int32) {
        if pod.isTerminating || pod.namespace != namespace { return }
        for index in constraints.indices where constraints[index].constraint.selector.matches(pod.labels) {
            constraints[index].matchingOnNode[position] += delta
            if constraints[index].countsIntoDomain[position] {
                constraints[index].matchingInDomain[Int(constraints[index].domainOfNode[position])] += Int(delta)
            }
        }
    }

    /// The normalised scores (0…100) of this cycle, written into `scores` for the feasible nodes.
    mutating func normalizedScores(feasible: [Bool], into scores: inout [Int64]) {
        if constraints.count == 1 && !constraints[0].isHostname {
            normalizedScoresOfOneDomainConstraint(feasible: feasible, into: &scores)
            return
        }
        let domainOf = constraints.map(\.domainOfNode), onNode = constraints.map(\.matchingOnNode)
        let inDomain = constraints.map(\.matchingInDomain), isHostname = constraints.map(\.isHostname)
        let skews = constraints.map { Double($0.constraint.maxSkew - 1) }
        var feasibleCount = 0, ignoredCount = 0
        var seen = constraints.map { [Bool](repeating: false, count: $0.domainCount) }
        for position in feasible.indices where feasible[position] {
            feasibleCount += 1
            guard hasAllKeys[position] else { ignoredCount += 1; continue }
            for index in domainOf.indices where !isHostname[index] { seen[index][Int(domainOf[index][position])] = true }
        }
        let weights = seen.indices.map { index in
            log(Double((isHostname[index] ? feasibleCount - ignoredCount : seen[index].reduce(0) { $0 + ($1 ? 1 : 0) }) + 2))
        }
        var minScore = Int64.max, maxScore: Int64 = 0
        for position in feasible.indices where feasible[position] && hasAllKeys[position] {
            var score = 0.0
            for index in domainOf.indices {
                let count = isHostname[index] ? Int(onNode[index][position]) : inDomain[index][Int(domainOf[index][position])]
                score += Double(count) * weights[index] + skews[index]
            }
            let value = Int64(score.rounded())
            raw[position] = value
            minScore = min(minScore, value)
            maxScore = max(maxScore, value)
        }
        var table = NormalizationTable()
        for position in feasible.indices where feasible[position] {
            if !hasAllKeys[position] {
                scores[position] = 0
            } else if maxScore == 0 {
                scores[position] = maxNodeScore
            } else {
                scores[position] = table.value(for: raw[position]) { maxNodeScore * (maxScore + minScore - $0) / maxScore }
            }
        }
    }

    /// The common case (one zone constraint): every node of a domain has the same raw score, so
    /// raw and normalised scores are computed per domain, and min and max over the domains that
    /// hold a feasible node equal upstream's over the feasible nodes.
    private func normalizedScoresOfOneDomainConstraint(feasible: [Bool], into scores: inout [Int64]) {
        let counts = constraints[0]
        var seen = [Bool](repeating: false, count: counts.domainCount)
        var seenCount = 0
        counts.domainOfNode.withUnsafeBufferPointer { domainOf in
            feasible.withUnsafeBufferPointer { feasible in
                for position in 0..<feasible.count where feasible[position] && domainOf[position] >= 0 {
                    let domain = Int(domainOf[position])
                    if !seen[domain] { seen[domain] = true; seenCount += 1 }
                }
            }
        }
        let weight = log(Double(seenCount + 2))
        let skew = Double(counts.constraint.maxSkew - 1)
        var raw = [Int64](repeating: 0, count: counts.domainCount)
        var minScore = Int64.max, maxScore: Int64 = 0
        for domain in seen.indices where seen[domain] {
            var score = 0.0
            score += Double(counts.matchingInDomain[domain]) * weight + skew
            raw[domain] = Int64(score.rounded())
            minScore = min(minScore, raw[domain])
            maxScore = max(maxScore, raw[domain])
        }
        let normalized = raw.map { maxScore == 0 ? maxNodeScore : maxNodeScore * (maxScore + minScore - $0) / maxScore }
        counts.domainOfNode.withUnsafeBufferPointer { domainOf in
            feasible.withUnsafeBufferPointer { feasible in
                scores.withUnsafeMutableBufferPointer { scores in
                    for position in 0..<feasible.count where feasible[position] {
                        let domain = Int(domainOf[position])
                        scores[position] = domain >= 0 ? normalized[domain] : 0
                    }
                }
            }
        }
    }
}

extension PodTopologySpread.Constraint {
    /// `includes` holds for every node: no policy that looks at the node applies (it saves
    /// copying each `NodeInfo` to ask).
    func includesEveryNode(for pod: PodInfo) -> Bool {
        (!honorsNodeAffinity || pod.requiredNodeAffinity.isEmpty) && !honorsNodeTaints
    }
}

/// A small direct-mapped memo of normalised values: raw scores repeat across thousands of nodes
/// (one value per zone, say), and the integer division upstream's formulas need costs more than
/// the lookup.
struct NormalizationTable {
    private var raws = [Int64](repeating: .min, count: 16)
    private var values = [Int64](repeating: 0, count: 16)

    mutating func value(for raw: Int64, _ compute: (Int64) -> Int64) -> Int64 {
        let slot = Int(truncatingIfNeeded: raw & 15)
        if raws[slot] != raw {
            raws[slot] = raw
            values[slot] = compute(raw)
        }
        return values[slot]
    }
}
