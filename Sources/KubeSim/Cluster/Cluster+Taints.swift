import KubeModel

/// One argument of `kubectl taint`: `key=value:Effect` or `key:Effect` adds, `key:Effect-` or
/// `key-` removes (pkg/cmd/taint/utils.go `ParseTaints`, v1.33).
public enum TaintChange: Equatable, Sendable {
    case add(Taint)
    case remove(key: String, effect: String?)

    public static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    public struct Invalid: Error, CustomStringConvertible { public var description: String }

    public static func parse(_ text: String) throws -> TaintChange {
        if text.hasSuffix("-") {
            let body = String(text.dropLast())
            let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
            guard let key = parts.first, !key.isEmpty else { throw Invalid(description: "invalid taint spec: \(text)") }
            let effect = parts.count > 1 ? parts[1] : nil
            if let effect, !effects.contains(effect) { throw Invalid(description: "invalid taint effect: \(effect), unsupported taint effect") }
            return .remove(key: key, effect: effect)
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw Invalid(description: "invalid taint spec: \(text)") }
        guard effects.contains(parts[1]) else { throw Invalid(description: "invalid taint effect: \(parts[1]), unsupported taint effect") }
        let keyValue = parts[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !keyValue[0].isEmpty else { throw Invalid(description: "invalid taint spec: \(text)") }
        var taint = Taint()
        taint.key = keyValue[0]
        taint.value = keyValue.count > 1 && !keyValue[1].isEmpty ? keyValue[1] : nil
        taint.effect = parts[1]
        return .add(taint)
    }
}

extension Cluster {
    /// `kubectl taint nodes <name> …`: returns whether taints were added (`tainted`) or only
    /// removed (`untainted`). An existing key and effect needs `overwrite`; removing what is not
    /// there fails, as upstream. A NoExecute taint gets `timeAdded`, and its taint manager then
    /// evicts the pods that do not tolerate it.
    @discardableResult
    public func taint(_ name: String, _ changes: [TaintChange], overwrite: Bool = false) throws -> Bool {
        guard case .node(var node)? = store.get(.node(name)) else { throw APIError.notFound(.node(name)) }
        var taints = node.spec?.taints ?? []
        var added = false
        for change in changes {
            switch change {
            case .add(var taint):
                if let index = taints.firstIndex(where: { $0.key == taint.key && $0.effect == taint.effect }) {
                    guard overwrite else {
                        throw TaintChange.Invalid(description: "node \(name) already has \(taint.key) taint(s) with same effect(s) and --overwrite is false")
                    }
                    taints.remove(at: index)
                }
                if taint.effect == "NoExecute" { taint.timeAdded = now.rfc3339 }
                taints.append(taint)
                added = true
            case .remove(let key, let effect):
                let before = taints.count
                taints.removeAll { $0.key == key && (effect == nil || $0.effect == effect) }
                if taints.count == before { throw TaintChange.Invalid(description: "taint \"\(key)\(effect.map { ":" + $0 } ?? "")\" not found") }
            }
        }
        var spec = node.spec ?? NodeSpec()
        spec.taints = taints.isEmpty ? nil : taints
        node.spec = spec
        _ = try update(.node(node))
        try settle()
        return added
    }
}
