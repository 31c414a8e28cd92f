import KubedrillSupport

/// Layer 3: the document against the upstream OpenAPI structure, like the API server's strict
/// decoding (`fieldValidation=Strict`, kubectl's default since v1.27): unknown fields, wrong JSON
/// types, missing required fields — every one reported, none stopping the walk.
///
/// While walking it records each path's position, for the semantic rules' messages.
struct StructuralValidator {
    let schema: KubeSchema
    var issues: [ManifestIssue] = []
    var marks: [String: SourceMark] = [:]

    init(schema: KubeSchema) { self.schema = schema }

    mutating func run(_ root: YAMLNode, typeName: String) {
        marks[""] = root.mark
        walk(root, as: .object(typeName), path: "")
    }

    private mutating func report(_ mark: SourceMark, _ path: String, _ message: String) {
        issues.append(ManifestIssue(mark: mark, path: path, message: message))
    }

    private mutating func typeError(_ node: YAMLNode, _ path: String, expected: FieldType) {
        var got = node.value.typeName
        if case .string(let text) = node.value { got = "string \"\(text)\"" }
        report(node.mark, path, "invalid type: got \(got), expected \(expected.jsonName)")
    }

    /// Checks that `node` fits `type`, reporting what does not.
    private mutating func walk(_ node: YAMLNode, as type: FieldType, path: String) {
        marks[path] = node.mark
        switch (type, node.value) {
        case (_, .null), (.any, _), (.string, .string), (.time, .string), (.boolean, .bool), (.intOrString, .string):
            break
        case (.bytes, .string(let text)):
            if let offset = Base64Check.firstIllegalByte(text) {
                report(node.mark, path, "illegal base64 data at input byte \(offset)")
            }
        case (.int32, let value), (.int64, let value):
            guard let integer = value.integerValue else { typeError(node, path, expected: type); return }
            if type == .int32, integer < Int64(Int32.min) || integer > Int64(Int32.max) {
                report(node.mark, path, "invalid value: \(integer) does not fit in a 32-bit integer")
            }
        case (.number, .int):
            break
        case (.number, .float(let number)) where number.isFinite:
            break
        case (.intOrString, let value) where value.integerValue != nil:
            guard let integer = value.integerValue, integer >= Int64(Int32.min), integer <= Int64(Int32.max) else {
                typeError(node, path, expected: type); return
            }
        case (.quantity, .string(let text)):
            do { _ = try Quantity(parsing: text) } catch { report(node.mark, path, "\(error)") }
        case (.quantity, .int):
            break
        case (.quantity, .float(let number)) where number.isFinite:
            break
        case (.list(let element), .list(let items)):
            for (index, item) in items.enumerated() {
                walk(item, as: element, path: FieldPath.index(path, index))
            }
        case (.map(let element), .map(let entries)):
            for entry in entries {
                walk(entry.value, as: element, path: FieldPath.key(path, entry.key))
            }
        case (.object(let typeName), .map(let entries)):
            walkObject(node, entries, typeName: typeName, path: path)
        default:
            typeError(node, path, expected: type)
        }
    }

    private mutating func walkObject(_ node: YAMLNode, _ entries: [YAMLEntry], typeName: String, path: String) {
        guard let type = schema.types[typeName] else { return }
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
            walk(entry.value, as: fieldType, path: fieldPath)
        }
        for field in type.required where !present.contains(field) {
            // `field.Required` in apimachinery validation: "Required value".
            report(node.mark, FieldPath.child(path, field), "Required value")
        }
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
