import Foundation

/// Prints objects back as `kubectl get -o yaml` / `-o json` do: kubectl marshals to JSON and
/// sigs.k8s.io/yaml converts that to YAML, so keys come out sorted and lists sit at their key's indent.
public enum ObjectPrinter {
    /// JSON with sorted keys and two-space indentation (kubectl's `-o json` layout differs only in indent width).
    public static func json(_ object: KubeObject) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(AnyResource(object.resource)), as: UTF8.self)
    }

    /// YAML as kubectl prints it.
    public static func yaml(_ object: KubeObject) throws -> String {
        let data = try JSONEncoder().encode(AnyResource(object.resource))
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        return YAMLEmitter.emit(value)
    }
}

/// Lets an existential resource be encoded.
struct AnyResource: Encodable {
    let resource: any KubeResource
    init(_ resource: any KubeResource) { self.resource = resource }
    func encode(to encoder: Encoder) throws { try resource.encode(to: encoder) }
}

/// Writes a JSON value as block YAML the way go-yaml v2 marshals `map[string]interface{}`.
public enum YAMLEmitter {
    public static func emit(_ value: JSONValue) -> String {
        var out = ""
        switch value {
        case .object(let fields) where !fields.isEmpty: mapping(fields, indent: 0, into: &out)
        case .array(let items) where !items.isEmpty: sequence(items, indent: 0, into: &out)
        default: out = scalar(value) + "\n"
        }
        return out
    }

    private static func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }

    private static func mapping(_ fields: [String: JSONValue], indent: Int, into out: inout String, firstLinePrefix: String? = nil) {
        var first = true
        for key in fields.keys.sorted() {
            guard let value = fields[key] else { continue }
            let lead = first ? (firstLinePrefix ?? pad(indent)) : pad(indent)
            first = false
            out += lead + quoted(key) + ":"
            switch value {
            case .object(let nested) where !nested.isEmpty:
                out += "\n"
                mapping(nested, indent: indent + 2, into: &out)
            case .array(let items) where !items.isEmpty:
                out += "\n"
                sequence(items, indent: indent, into: &out)
            case .string(let text) where text.contains("\n"):
                out += literal(text, indent: indent + 2)
            default:
                out += " " + scalar(value) + "\n"
            }
        }
    }

    private static func sequence(_ items: [JSONValue], indent: Int, into out: inout String) {
        for item in items {
            switch item {
            case .object(let fields) where !fields.isEmpty:
                mapping(fields, indent: indent + 2, into: &out, firstLinePrefix: pad(indent) + "- ")
            case .array(let nested) where !nested.isEmpty:
                out += pad(indent) + "-\n"
                sequence(nested, indent: indent + 2, into: &out)
            case .string(let text) where text.contains("\n"):
                out += pad(indent) + "-" + literal(text, indent: indent + 2)
            default:
                out += pad(indent) + "- " + scalar(item) + "\n"
            }
        }
    }

    private static func literal(_ text: String, indent: Int) -> String {
        let chomp = text.hasSuffix("\n") ? "" : "-"
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return " |" + chomp + "\n" + body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad(indent) + $0 }.joined(separator: "\n") + "\n"
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let number): return GoFloatFormat.json(number)
        case .string(let text): return quoted(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// Quotes a string that YAML would read as something else (go-yaml v2 uses single quotes then).
    static func quoted(_ text: String) -> String {
        if needsQuotes(text) { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        return text
    }

    static func needsQuotes(_ text: String) -> Bool {
        if text.isEmpty { return true }
        if case .string = ScalarResolver.resolvePlain(text) {} else { return true }
        if let first = text.unicodeScalars.first, "-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first) { return true }
        if text.hasSuffix(" ") || text.hasSuffix(":") || text.contains(": ") || text.contains(" #") || text.contains("\t") { return true }
        return text.unicodeScalars.contains { $0.value < 0x20 }
    }
}
