/// Reads typed values from parsed nodes for the generated `init(tree:)` initializers. Each returns
/// nil when the node does not hold that type, mirroring what structural validation accepts
/// (integral floats count as integers, `null` as unset), so the typed object holds exactly the
/// fields the API server would have decoded.
public enum TreeDecode {
    public static func string(_ node: YAMLNode) -> String? { node.string }

    public static func bool(_ node: YAMLNode) -> Bool? {
        if case .bool(let flag) = node.value { return flag }
        return nil
    }

    public static func int64(_ node: YAMLNode) -> Int64? { node.value.integerValue }

    public static func int32(_ node: YAMLNode) -> Int32? {
        guard let value = node.value.integerValue, value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
        return Int32(value)
    }

    public static func double(_ node: YAMLNode) -> Double? {
        switch node.value {
        case .int(let number): return Double(number)
        case .float(let number) where number.isFinite: return number
        default: return nil
        }
    }

    public static func intOrString(_ node: YAMLNode) -> IntOrString? {
        if case .string(let text) = node.value { return .string(text) }
        return int32(node).map(IntOrString.int)
    }

    public static func quantity(_ node: YAMLNode) -> Quantity? {
        switch node.value {
        case .string(let text): return try? Quantity(parsing: text)
        case .int(let number): return try? Quantity(parsing: String(number))
        case .float(let number) where number.isFinite: return try? Quantity(parsing: GoFloatFormat.json(number))
        default: return nil
        }
    }

    public static func object<T>(_ node: YAMLNode, _ make: (YAMLNode) -> T) -> T? {
        node.entries == nil ? nil : make(node)
    }

    public static func list<T>(_ node: YAMLNode, _ element: (YAMLNode) -> T?) -> [T]? {
        guard let items = node.items else { return nil }
        return items.compactMap(element)
    }

    public static func map<T>(_ node: YAMLNode, _ element: (YAMLNode) -> T?) -> [String: T]? {
        guard let entries = node.entries else { return nil }
        var result: [String: T] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries {
            if let value = element(entry.value) { result[entry.key] = value }
        }
        return result
    }

    public static func json(_ node: YAMLNode) -> JSONValue? {
        switch node.value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return number.isFinite ? .number(number) : nil
        case .string(let text): return .string(text)
        case .list(let items): return .array(items.compactMap(json))
        case .map(let entries):
            var fields: [String: JSONValue] = [:]
            for entry in entries { fields[entry.key] = json(entry.value) }
            return .object(fields)
        }
    }
}
