/// Bounds that keep hostile input cheap to reject.
public struct ParseLimits: Sendable {
    /// Largest file accepted. The API server refuses request bodies over 3 MiB
    /// (`apiserver` `MaxRequestBodyBytes`); a learner's file is far smaller, a benchmark file a little larger.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences. Real manifests stay under 20.
    public var maxDepth: Int
    /// Largest number of nodes one document may decode to; go-yaml's alias ratio rule applies below it.
    public var maxNodes: Int

    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 100, maxNodes: Int = 4_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = ParseLimits()

    /// go-yaml v2 `allowedAliasRatio` (yaml.v2 decode.go): the share of decoded nodes that may come
    /// from alias expansion, 99 % for small documents down to 10 % at four million nodes.
    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        if decodeCount <= 400_000 { return 0.99 }
        if decodeCount >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - 400_000) / 3_600_000)
    }

    /// go-yaml v2's rule: more than 100 aliased nodes, more than 400,000 in all, and too high a ratio.
    static func isExcessiveAliasing(aliasCount: Int, decodeCount: Int) -> Bool {
        aliasCount > 100 && decodeCount > 400_000
            && Double(aliasCount) / Double(decodeCount) > allowedAliasRatio(decodeCount)
    }
}
