import KubeModel

/// Merges of JSON trees for `apply` and `patch`.
///
/// Strategic merge (k8s.io/apimachinery/pkg/util/strategicpatch) merges lists of objects by a
/// merge key instead of replacing them; the keys below are those of the core/apps types'
/// `patchMergeKey` tags (containers, env, volumes, ports… by name; volumeMounts by mountPath;
/// container ports by containerPort).
public enum JSONMerge {
    static let mergeKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name",
        "env": "name", "volumes": "name", "volumeMounts": "mountPath", "imagePullSecrets": "name",
        "ports": "containerPort", "tolerations": "key", "hostAliases": "ip", "conditions": "type",
    ]

    /// RFC 7386 merge patch, or strategic when `strategic`: `null` deletes a field.
    public static func apply(patch: JSONValue, to target: JSONValue, strategic: Bool, field: String = "") -> JSONValue {
        switch (patch, target) {
        case (.object(let patchFields), .object(var targetFields)):
            for (name, value) in patchFields.sorted(by: { $0.key < $1.key }) {
                if case .null = value {
                    targetFields[name] = nil
                } else if let existing = targetFields[name] {
                    targetFields[name] = apply(patch: value, to: existing, strategic: strategic, field: name)
                } else {
                    targetFields[name] = apply(patch: value, to: .null, strategic: strategic, field: name)
                }
            }
            return .object(targetFields)
        case (.object(let patchFields), _):
            return apply(patch: .object(patchFields), to: .object([:]), strategic: strategic, field: field)
        case (.array(let patchItems), .array(let targetItems)) where strategic:
            guard let key = mergeKey(for: field, items: patchItems) else { return patch }
            var result = targetItems
            for item in patchItems {
                let identity = value(of: key, in: item)
                if let index = result.firstIndex(where: { value(of: key, in: $0) == identity }) {
                    result[index] = apply(patch: item, to: result[index], strategic: strategic)
                } else {
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return patch
        }
    }

    /// kubectl apply's three-way merge: fields of `applied` win; fields the last apply set and
    /// this one dropped are removed; fields nobody applied (defaults, controllers') stay.
    public static func threeWay(live: JSONValue, lastApplied: JSONValue?, applied: JSONValue) -> JSONValue {
        var patch = applied
        if let lastApplied { patch = addDeletions(from: lastApplied, missingIn: applied, into: applied) }
        return apply(patch: patch, to: live, strategic: true)
    }

    private static func addDeletions(from last: JSONValue, missingIn applied: JSONValue, into patch: JSONValue) -> JSONValue {
        guard case .object(let lastFields) = last, case .object(let appliedFields) = applied, case .object(var patchFields) = patch else { return patch }
        for (name, lastValue) in lastFields {
            if let appliedValue = appliedFields[name] {
                if let nested = patchFields[name] {
                    patchFields[name] = addDeletions(from: lastValue, missingIn: appliedValue, into: nested)
                }
            } else {
                patchFields[name] = .null
            }
        }
        return .object(patchFields)
    }

    private static func mergeKey(for field: String, items: [JSONValue]) -> String? {
        guard let key = mergeKeys[field] else { return nil }
        // Service ports have no containerPort: upstream merges them by `port`.
        if key == "containerPort", items.contains(where: { value(of: "port", in: $0) != nil }) { return "port" }
        return key
    }

    private static func value(of key: String, in item: JSONValue) -> JSONValue? {
        guard case .object(let fields) = item else { return nil }
        return fields[key]
    }
}
