import KubeModel

/// Where an object lives in the store: kind, namespace (empty for cluster-scoped kinds), name.
/// Keys sort by kind, namespace, name, the order every walk over the store uses (STYLE.md §2).
public struct ObjectKey: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: String
    public var namespace: String
    public var name: String

    public init(kind: String, namespace: String = "", name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// Name and namespace in full, the kind by its length and first letter (which tell the
    /// modelled kinds apart): keys are hashed on every store lookup and rehashed on every
    /// removal, and hashing three strings per key was a tenth of a simulation.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(namespace)
        hasher.combine(UInt64(truncatingIfNeeded: kind.utf8.count) &<< 8 | UInt64(kind.utf8.first ?? 0))
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
    }

    /// `Pod/default/web`, or `Node/worker-1` for a cluster-scoped object.
    public var description: String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)"
    }

    public static func pod(_ name: String, namespace: String = "default") -> ObjectKey {
        ObjectKey(kind: "Pod", namespace: namespace, name: name)
    }

    public static func node(_ name: String) -> ObjectKey { ObjectKey(kind: "Node", name: name) }
}

extension KubeObject {
    /// The object's key; its namespace must already be set for namespaced kinds.
    public var key: ObjectKey {
        let namespaced = isNamespaced
        return withMetadata { ObjectKey(kind: kind, namespace: namespaced ? ($0.namespace ?? "") : "", name: $0.name ?? "") }
    }
}
