import KubeModel

/// Where an object lives in the store: kind, namespace (empty for cluster-scoped kinds), name.
/// Keys sort by kind, namespace, name, the order every walk over the store uses (STYLE.md §2).
public struct ObjectKey: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Declared first, so that `==` tells most different keys apart before comparing a string.
    private let fingerprint: Fingerprint
    public let kind: String
    public let namespace: String
    public let name: String

    public init(kind: String, namespace: String = "", name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        fingerprint = .of(kind, namespace, name)
    }

    private enum CodingKeys: String, CodingKey { case kind, namespace, name }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(String.self, forKey: .kind),
                  namespace: try container.decode(String.self, forKey: .namespace),
                  name: try container.decode(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(name, forKey: .name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint.value) }
    /// The bucket straight from the fingerprint (see `Fingerprint.rawHashValue(seed:)`).
    public func _rawHashValue(seed: Int) -> Int { fingerprint.rawHashValue(seed: seed) }

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
        // The two fields taken out first: making the key inside the closure kept it from being
        // inlined, and handing it the metadata copied every field.
        let (namespace, name) = withMetadata { ($0.namespace, $0.name) }
        return ObjectKey(kind: kind, namespace: isNamespaced ? (namespace ?? "") : "", name: name ?? "")
    }
}
