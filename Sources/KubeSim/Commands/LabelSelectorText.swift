import Foundation
import KubeModel

/// Label selectors as `kubectl get -l` takes them (k8s.io/apimachinery/pkg/labels `Parse`):
/// `app=web`, `app==web`, `tier!=db`, `env in (a,b)`, `env notin (c)`, `gpu`, `!gpu`, comma-joined.
public struct LabelSelectorText: Sendable {
    enum Requirement: Sendable {
        case equals(String, String), notEquals(String, String), isIn(String, [String]), notIn(String, [String]), exists(String), doesNotExist(String)
    }

    var requirements: [Requirement] = []

    public init(parsing text: String) throws {
        var parts: [String] = []
        var depth = 0, current = ""
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 { parts.append(current); current = ""; continue }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        for raw in parts {
            let part = raw.trimmingCharacters(in: .whitespaces)
            if let range = part.range(of: " notin ") ?? part.range(of: " in ") {
                let key = String(part[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                let values = part[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ()")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                requirements.append(part.contains(" notin ") ? .notIn(key, values) : .isIn(key, values))
            } else if let range = part.range(of: "!=") {
                requirements.append(.notEquals(String(part[..<range.lowerBound]), String(part[range.upperBound...])))
            } else if let range = part.range(of: "==") ?? part.range(of: "=") {
                requirements.append(.equals(String(part[..<range.lowerBound]), String(part[range.upperBound...])))
            } else if part.hasPrefix("!") {
                requirements.append(.doesNotExist(String(part.dropFirst())))
            } else if !part.isEmpty {
                guard part.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
                    throw APIError(reason: "BadRequest", message: "unable to parse requirement: found '\(part)', expected: identifier")
                }
                requirements.append(.exists(part))
            }
        }
    }

    public func matches(_ labels: [String: String]?) -> Bool {
        let labels = labels ?? [:]
        return requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .isIn(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return !(labels[key].map(values.contains) ?? false)
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            }
        }
    }
}

extension LabelSelectorText {
    /// `labels.FormatLabels`: `k=v` pairs sorted by key, `<none>` when there are none.
    public static func formatLabels(_ labels: [String: String]?) -> String {
        let text = (labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return text.isEmpty ? "<none>" : text
    }
}
