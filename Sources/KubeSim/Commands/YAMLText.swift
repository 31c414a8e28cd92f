import Foundation
import KubeModel

/// JSON trees as YAML the way `kubectl get -o yaml` prints them (sigs.k8s.io/yaml over
/// go-yaml v2): keys sorted, two-space indent, list items not indented under their key,
/// strings quoted only when they would read as another type or contain special characters.
public enum YAMLText {
    public static func render(_ value: JSONValue) -> String {
        var output = ""
        emit(value, indent: 0, into: &output, inList: false)
        return output
    }

    private static func emit(_ value: JSONValue, indent: Int, into output: inout String, inList: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let fields):
            if fields.isEmpty { output += "{}\n"; return }
            var first = true
            for key in fields.keys.sorted() {
                guard let field = fields[key] else { continue }
                let prefix = (first && inList) ? "" : pad
                first = false
                output += prefix + scalar(key) + ":"
                switch field {
                case .object(let nested) where !nested.isEmpty:
                    output += "\n"
                    emit(field, indent: indent + 2, into: &output, inList: false)
                case .array(let items) where !items.isEmpty:
                    output += "\n"
                    emit(field, indent: indent, into: &output, inList: false)
                default:
                    output += " "
                    emit(field, indent: indent + 2, into: &output, inList: false)
                }
            }
        case .array(let items):
            if items.isEmpty { output += "[]\n"; return }
            for item in items {
                output += pad + "- "
                switch item {
                case .object(let nested) where !nested.isEmpty:
                    emit(item, indent: indent + 2, into: &output, inList: true)
                case .array(let nested) where !nested.isEmpty:
                    output += "\n"
                    emit(item, indent: indent + 2, into: &output, inList: false)
                default:
                    emit(item, indent: indent + 2, into: &output, inList: false)
                }
            }
        default:
            output += scalar(value) + "\n"
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): return scalar(text)
        default: return ""
        }
    }

    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", "True", "False", "Yes", "No", "NULL", "Null"]
        let special = text.contains { ":#{}[],&*!|>'\"%@`\n".contains($0) } || text.hasPrefix(" ") || text.hasSuffix(" ") || text.hasPrefix("-") || text.hasPrefix("?")
        let numeric = Double(text) != nil || Int(text) != nil
        if text.contains("\n") || text.contains("\"") {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return "\"" + escaped + "\""
        }
        if reserved.contains(text) || numeric || special { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        return text
    }
}
