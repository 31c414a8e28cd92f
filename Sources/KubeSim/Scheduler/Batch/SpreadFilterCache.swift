/// PodTopologySpread's Filter (`DoNotSchedule` constraints) for one signature, from counts kept
/// up to date pod by pod instead of recounted over every node's pods each cycle.
///
/// It reproduces `PodTopologySpread.preFilter` and `filter` (upstream
/// `pkg/scheduler/framework/plugins/podtopologyspread/filtering.go`, v1.33.0) as this simulator
/// has them: matching pods are summed per topology key and value (constraints sharing a key
/// share the sums), over nodes with every constraint's key that the constraint includes; a node
/// passes when, for each constraint, `matching in its domain + self-match − the key's minimum`
/// stays within `maxSkew`, the minimum being 0 below `minDomains` domains.
struct SpreadFilterCache {
    struct KeyCounts {
        /// Per node: its domain under this key, -1 without the label.
        var domainOfNode: [Int32]
        /// Per domain: true when some counted node is in it (upstream creates the entry at 0).
        var domainExists: [Bool]
        var matching: [Int]
    }

    struct ConstraintRule {
        let constraint: PodTopologySpread.Constraint
        let key: Int
        /// 1 when the pod matches its own selector.
        let selfMatch: Int
        /// Per node: counted (every constraint's key present, included by the constraint's policies).
        let counted: [Bool]
    }

    let namespace: String
    var keys: [KeyCounts] = []
    var rules: [ConstraintRule] = []
    /// Scratch: each key's minimum for the current cycle.
    private var minimums: [Int] = []
    private var domainCounts: [Int] = []

    init?(_ pod: PodInfo, _ snapshot: ClusterSnapshot) {
        let constraints = PodTopologySpread.constraints(of: pod, action: "DoNotSchedule")
        if constraints.isEmpty { return nil }
        namespace = pod.namespace
        let nodes = snapshot.nodes
        // Index by index: `map` over the nodes would copy each whole NodeInfo.
        let hasAllKeys = nodes.indices.map { PodTopologySpread.hasAllKeys(nodes[$0].labels, constraints) }
        var keyIndex: [String: Int] = [:]
        for constraint in constraints {
            let key = keyIndex[constraint.topologyKey] ?? keys.count
            if key == keys.count {
                keyIndex[constraint.topologyKey] = key
                let domains = TopologyDomains(nodes, key: constraint.topologyKey)
                keys.append(KeyCounts(domainOfNode: domains.ofNode, domainExists: Array(repeating: false, count: domains.count),
                                      matching: Array(repeating: 0, count: domains.count)))
            }
            let includesEvery = constraint.includesEveryNode(for: pod)
            let counted = nodes.indices.map { hasAllKeys[$0] && (includesEvery || constraint.includes(nodes[$0], for: pod)) }
            for position in nodes.indices where counted[position] {
                let domain = Int(keys[key].domainOfNode[position])
                keys[key].domainExists[domain] = true
                keys[key].matching[domain] += PodTopologySpread.countMatching(nodes[position].podInfos, constraint.selector, namespace: namespace)
            }
            rules.append(ConstraintRule(constraint: constraint, key: key, selfMatch: constraint.selector.matches(pod.labels) ? 1 : 0,
                                        counted: counted))
        }
        minimums = Array(repeating: 0, count: keys.count)
        domainCounts = minimums
    }

    /// Accounts for `pod` bound to (`delta` 1) or removed from (-1) the node at `position`.
    mutating func apply(_ pod: PodInfo, at position: Int, delta: Int) {
        if pod.isTerminating || pod.namespace != namespace { return }
        for rule in rules where rule.counted[position] && rule.constraint.selector.matches(pod.labels) {
            keys[rule.key].matching[Int(keys[rule.key].domainOfNode[position])] += delta
        }
    }

    /// Clears `feasible` for the nodes the constraints reject this cycle.
    mutating func filter(_ feasible: inout [Bool]) {
        for (index, counts) in keys.enumerated() {
            var smallest = Int.max, domains = 0
            for domain in counts.domainExists.indices where counts.domainExists[domain] {
                domains += 1
                smallest = min(smallest, counts.matching[domain])
            }
            minimums[index] = smallest
            domainCounts[index] = domains
        }
        // Upstream `minMatchNum`: no domain at all gives MaxInt32, fewer than minDomains 0.
        let limits = rules.map { rule in
            let domains = domainCounts[rule.key]
            let minimum = domains == 0 ? Int(Int32.max) : domains < Int(rule.constraint.minDomains) ? 0 : minimums[rule.key]
            return (key: rule.key, excess: rule.selfMatch - minimum, maxSkew: Int(rule.constraint.maxSkew))
        }
        for position in feasible.indices where feasible[position] {
            for limit in limits {
                let domain = Int(keys[limit.key].domainOfNode[position])
                guard domain >= 0 else { feasible[position] = false; break }
                if keys[limit.key].matching[domain] + limit.excess > limit.maxSkew {
                    feasible[position] = false
                    break
                }
            }
        }
    }
}
