/// The domains of one topology key over the snapshot's nodes, numbered in node order, so the
/// spread caches count per domain in arrays instead of dictionaries keyed by label value.
struct TopologyDomains {
    /// Per node: its domain's number, or -1 when the node lacks the key.
    let ofNode: [Int32]
    let count: Int

    init(_ nodes: [NodeInfo], key: String) {
        var numbers: [String: Int32] = [:]
        // Index by index: `map` over the nodes would copy each whole NodeInfo.
        ofNode = nodes.indices.map { position -> Int32 in
            guard let value = nodes[position].labels[key] else { return -1 }
            if let known = numbers[value] { return known }
            numbers[value] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
        count = numbers.count
    }
}
