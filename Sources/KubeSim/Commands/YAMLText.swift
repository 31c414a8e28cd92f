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
            if case .string(let text) = value, let block = literalBlock(text, indent: indent) {
                output += block
            } else {
                output += scalar(value) + "\n"
            }
        }
    }

    /// go-yaml v2 writes a string holding a line break in literal style (`|`, `|-` without a final
    /// break, `|+` keeping several), as `kubectl get configmap -o yaml` shows file contents; libyaml
    /// falls back to double quotes when a line ends in a space or the text starts with one.
    static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.contains("\n"), !text.hasPrefix(" "), !text.hasPrefix("\t") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.allSatisfy({ line in !line.hasSuffix(" ") && !line.hasSuffix("\t") && line.allSatisfy { !$0.isNewline && ($0 == "\t" || !$0.isASCII || $0.asciiValue! >= 0x20) } })
        else { return nil }
        var body = Array(lines)
        var trailingBreaks = 0
        while body.last == "" && !body.isEmpty { body.removeLast(); trailingBreaks += 1 }
        let indicator = trailingBreaks == 0 ? "|-" : trailingBreaks == 1 ? "|" : "|+"
        let pad = String(repeating: " ", count: indent)
        var output = indicator + "\n"
        for line in body { output += line.isEmpty ? "\n" : pad + line + "\n" }
        if trailingBreaks > 1 { output += String(repeating: "\n", count: trailingBreaks - 1) }
        return output
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

    /// go-yaml v2's choice of style: strings that would read back as another type (numbers,
    /// booleans, null, timestamps) are double-quoted; strings plain style cannot hold (leading
    /// indicators, `: `, ` #`, edge spaces) single-quoted; line breaks double-quoted with escapes
    /// (where `literalBlock` does not apply).
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", "True", "False", "Yes", "No",
                                     "NULL", "Null", "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "On", "Off", "Y", "N"]
        let looksLikeTimestamp = text.count >= 10 && text.prefix(10).enumerated().allSatisfy { index, character in
            [4, 7].contains(index) ? character == "-" : character.isNumber
        }
        if text.contains("\n") || reserved.contains(text) || Double(text) != nil || Int(text) != nil || looksLikeTimestamp {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return "\"" + escaped + "\""
        }
        let indicators = "-?:,[]{}#&*!|>'\"%@`"
        let plainImpossible = (text.first.map { indicators.contains($0) } ?? false) || text.contains(": ") || text.contains(" #")
            || text.hasSuffix(":") || text.hasPrefix(" ") || text.hasSuffix(" ")
        if plainImpossible {
            // A leading "- " or "? " or ":" needs quoting; a lone "-" followed by a letter reads as plain in go-yaml.
            if let first = text.first, "-?:".contains(first), text.count > 1, let second = text.dropFirst().first, second != " ",
               !text.contains(": "), !text.contains(" #"), !text.hasSuffix(":"), !text.hasSuffix(" ") {
                return text
            }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return text
    }
}
