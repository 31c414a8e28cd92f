import KubedrillSupport
import Foundation
import KubeModel

/// The objects kubectl's imperative commands build (`run`, `create deployment|job|cronjob|…`,
/// `expose`), as the JSON kubectl v1.33 sends, and prints with `--dry-run=client -o yaml`: Go's
/// encoding of its structs, so a struct field left empty shows as `{}` (`resources: {}`,
/// `status: {}`) and a zero `metadata.creationTimestamp` as `null` (upstream omits it only from
/// v1.34, kubernetes/kubernetes#130989).
public enum GeneratedObject {
    /// `metadata` as `metav1.ObjectMeta` serializes: empty maps and namespace left out.
    static func metadata(name: String?, namespace: String? = nil, labels: [String: String] = [:],
                         annotations: [String: String] = [:], extra: [String: JSONValue] = [:]) -> JSONValue {
        var fields: [String: JSONValue] = ["creationTimestamp": .null]
        if let name { fields["name"] = .string(name) }
        if let namespace { fields["namespace"] = .string(namespace) }
        if !labels.isEmpty { fields["labels"] = strings(labels) }
        if !annotations.isEmpty { fields["annotations"] = strings(annotations) }
        return .object(fields.merging(extra) { _, new in new })
    }

    /// A `corev1.Container`: `resources` is a struct, so it is always there.
    static func container(name: String, image: String, command: [String] = [], args: [String] = [],
                          ports: [Int] = [], env: [(String, String)] = [], imagePullPolicy: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["name": .string(name), "image": .string(image), "resources": .object([:])]
        if !command.isEmpty { fields["command"] = .array(command.map(JSONValue.string)) }
        if !args.isEmpty { fields["args"] = .array(args.map(JSONValue.string)) }
        if !ports.isEmpty { fields["ports"] = .array(ports.map { .object(["containerPort": .int(Int64($0))]) }) }
        if !env.isEmpty { fields["env"] = .array(env.map { .object(["name": .string($0.0), "value": .string($0.1)]) }) }
        if let imagePullPolicy { fields["imagePullPolicy"] = .string(imagePullPolicy) }
        return .object(fields)
    }

    static func object(apiVersion: String, kind: String, metadata: JSONValue, _ fields: [String: JSONValue]) -> JSONValue {
        .object(fields.merging(["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]) { _, new in new })
    }

    static func strings(_ map: [String: String]) -> JSONValue { .object(map.mapValues(JSONValue.string)) }

    /// The container name `create deployment` derives from an image (create_deployment.go): the
    /// last path part without tag or digest; `_` and `.` become `-` and, as upstream, a random
    /// suffix keeps such names apart.
    public static func containerName(forImage image: String, random: inout SeededRandom) -> String {
        var name = image.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? image
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if name.contains(where: { $0 == "_" || $0 == "." }) {
            name = name.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") + "-" + random.suffix()
        }
        return name
    }

    /// `a=b,c=d` (`--labels`) as a map; nil when a pair has no `=`.
    public static func labelMap(_ text: String) -> [String: String]? {
        KeyValue.list(text).map { Dictionary($0, uniquingKeysWith: { _, last in last }) }
    }
}

extension GeneratedObject {
    /// The object with `metadata.namespace` set, as kubectl sets it when `-n` is given.
    public static func placed(_ object: JSONValue, in namespace: String) -> JSONValue {
        guard case .object(var fields) = object, case .object(var meta)? = fields["metadata"] else { return object }
        meta["namespace"] = .string(namespace)
        fields["metadata"] = .object(meta)
        return .object(fields)
    }
}
