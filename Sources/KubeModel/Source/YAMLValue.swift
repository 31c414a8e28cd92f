/// One node of a parsed manifest with the place it was written. This is the tree every layer works
/// on: structural validation walks it, typed decoding reads it, errors point into it.
public struct YAMLNode: Sendable {
    public var value: YAMLValue
    public var mark: SourceMark

    public init(_ value: YAMLValue, mark: SourceMark = .start) {
        self.value = value
        self.mark = mark
    }

    /// The value under `key` when this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .map(let entries) = value else { return nil }
        return entries.last(where: { $0.key == key })?.value
    }

    /// The mapping entry for `key` (with the key's own position), when this node is a mapping.
    public func entry(_ key: String) -> YAMLEntry? {
        guard case .map(let entries) = value else { return nil }
        return entries.last(where: { $0.key == key })
    }

    /// The string value, when this node is a string.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The mapping entries in source order, when this node is a mapping.
    public var entries: [YAMLEntry]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .list(let items) = value { return items }
        return nil
    }
}

/// A mapping entry: the key as JSON sees it (sigs.k8s.io/yaml turns `yes:` into `"true"`) and where it was written.
public struct YAMLEntry: Sendable {
    public var key: String
    public var keyMark: SourceMark
    public var value: YAMLNode

    public init(key: String, keyMark: SourceMark, value: YAMLNode) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}

/// A manifest value after YAML resolution, i.e. exactly the JSON value the API server would receive.
/// Mappings keep their source order; integers and floats stay apart as go-yaml v2 resolves them.
public indirect enum YAMLValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([YAMLNode])
    case map([YAMLEntry])

    /// The JSON type name Kubernetes uses in decode errors ("string", "integer", "object"…).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .float(let number): return number.rounded() == number ? "integer" : "number"
        case .string: return "string"
        case .list: return "array"
        case .map: return "object"
        }
    }

    /// The value as an integer, also for floats with an integral value (`8.0`, `1e3`): go-yaml v2 yields a
    /// float64 for those, which encoding/json writes as `8` and `1000`, so integer fields accept them.
    public var integerValue: Int64? {
        switch self {
        case .int(let number): return number
        case .float(let number) where number.rounded() == number && abs(number) < 9.2e18: return Int64(number)
        default: return nil
        }
    }
}
