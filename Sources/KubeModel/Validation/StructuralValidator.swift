import KubedrillSupport

/// Layer 3: the document against the upstream OpenAPI structure, like the API server's strict
/// decoding (`fieldValidation=Strict`, kubectl's default since v1.27): unknown fields, wrong JSON
/// types, missing required fields — every one reported, none stopping the walk.
///
/// While walking it writes the accepted fields as JSON (for typed decoding) and records each path's
/// position (for the semantic rules' messages).
struct StructuralValidator {
    let schema: KubeSchema
    var issues: [ManifestIssue] = []
    var marks: [String: SourceMark] = [:]
    var json = JSONWriter()

    init(schema: KubeSchema) { self.schema = schema }

    /// Walks `root` as an object of `typeName`; returns the accepted JSON.
    mutating func run(_ root: YAMLNode, typeName: String) -> [UInt8] {
        marks[""] = root.mark
        if !walk(root, as: .object(typeName), path: "") { json.raw("{}") }
        return json.bytes
    }

    private mutating func report(_ mark: SourceMark, _ path: String, _ message: String) {
        issues.append(ManifestIssue(mark: mark, path: path, message: message))
    }

    private mutating func typeError(_ node: YAMLNode, _ path: String, expected: FieldType) {
        var got = node.value.typeName
        if case .string(let text) = node.value { got = "string \"\(text)\"" }
        report(node.mark, path, "invalid type: got \(got), expected \(expected.jsonName)")
    }

    /// Writes `node` if it fits `type`; reports and writes nothing otherwise.
    private mutating func walk(_ node: YAMLNode, as type: FieldType, path: String) -> Bool {
        marks[path] = node.mark
        switch (type, node.value) {
        case (_, .null):
            json.raw("null")
        case (.any, let value):
            json.value(value)
        case (.string, .string(let text)), (.time, .string(let text)):
            json.string(text)
        case (.bytes, .string(let text)):
            if let offset = Base64Check.firstIllegalByte(text) {
                report(node.mark, path, "illegal base64 data at input byte \(offset)")
                return false
            }
            json.string(text)
        case (.boolean, .bool(let flag)):
            flag ? json.raw("true") : json.raw("false")
        case (.int32, let value), (.int64, let value):
            guard let integer = value.integerValue else { typeError(node, path, expected: type); return false }
            if type == .int32, integer < Int64(Int32.min) || integer > Int64(Int32.max) {
                report(node.mark, path, "invalid value: \(integer) does not fit in a 32-bit integer")
                return false
            }
            json.number(String(integer))
        case (.number, .int(let integer)):
            json.number(String(integer))
        case (.number, .float(let number)) where number.isFinite:
            json.number(GoFloatFormat.json(number))
        case (.intOrString, .string(let text)):
            json.string(text)
        case (.intOrString, let value) where value.integerValue != nil:
            guard let integer = value.integerValue, integer >= Int64(Int32.min), integer <= Int64(Int32.max) else {
                typeError(node, path, expected: type); return false
            }
            json.number(String(integer))
        case (.quantity, .string(let text)):
            do { _ = try Quantity(parsing: text) } catch {
                report(node.mark, path, "\(error)")
                return false
            }
            json.string(text)
        case (.quantity, .int(let integer)):
            json.number(String(integer))
        case (.quantity, .float(let number)) where number.isFinite:
            json.number(GoFloatFormat.json(number))
        case (.list(let element), .list(let items)):
            json.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { json.raw(",") }
                let itemPath = FieldPath.index(path, index)
                if !walk(item, as: element, path: itemPath) { json.raw("null") }
            }
            json.raw("]")
        case (.map(let element), .map(let entries)):
            json.raw("{")
            var first = true
            for entry in entries {
                let rollback = json.bytes.count
                if !first { json.raw(",") }
                json.string(entry.key)
                json.raw(":")
                if walk(entry.value, as: element, path: FieldPath.key(path, entry.key)) {
                    first = false
                } else {
                    json.bytes.removeSubrange(rollback...)
                }
            }
            json.raw("}")
        case (.object(let typeName), .map(let entries)):
            walkObject(node, entries, typeName: typeName, path: path)
        default:
            typeError(node, path, expected: type)
            return false
        }
        return true
    }

    private mutating func walkObject(_ node: YAMLNode, _ entries: [YAMLEntry], typeName: String, path: String) {
        guard let type = schema.types[typeName] else { json.value(node.value); return }
        json.raw("{")
        var first = true
        var present = Set<String>()
        for entry in entries {
            let fieldPath = FieldPath.child(path, entry.key)
            guard let fieldType = type.fields[entry.key] else {
                marks[fieldPath] = entry.keyMark
                var message = "unknown field \"\(entry.key)\""
                if let suggestion = Suggest.closest(to: entry.key, among: type.fieldNames) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                report(entry.keyMark, fieldPath, message)
                continue
            }
            if case .null = entry.value.value { marks[fieldPath] = entry.value.mark; continue }
            present.insert(entry.key)
            let rollback = json.bytes.count
            if !first { json.raw(",") }
            json.string(entry.key)
            json.raw(":")
            if walk(entry.value, as: fieldType, path: fieldPath) {
                first = false
            } else {
                json.bytes.removeSubrange(rollback...)
            }
        }
        for field in type.required where !present.contains(field) {
            // `field.Required` in apimachinery validation: "Required value".
            report(node.mark, FieldPath.child(path, field), "Required value")
        }
        json.raw("}")
    }
}

/// Checks base64 the way Go's `encoding/base64.StdEncoding` does for `[]byte` fields (Secret `data`).
enum Base64Check {
    /// The offset Go would name in "illegal base64 data at input byte N", or nil when valid.
    static func firstIllegalByte(_ text: String) -> Int? {
        let bytes = Array(text.utf8).filter { $0 != 10 && $0 != 13 }  // Go's decoder skips newlines
        var index = 0
        var padding = 0
        for byte in bytes {
            let isAlphabet = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                || byte == 43 || byte == 47
            if byte == 61 {
                padding += 1
            } else if !isAlphabet || padding > 0 {
                return index
            }
            index += 1
        }
        if padding > 2 { return bytes.count - padding }
        if bytes.count % 4 != 0 { return bytes.count - (bytes.count % 4 == 1 ? 1 : 0) }
        return nil
    }
}
