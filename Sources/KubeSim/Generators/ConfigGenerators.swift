import Foundation
import KubeModel

/// Namespaces, ConfigMaps, Secrets and Services as `kubectl create` and `kubectl expose` build them (v1.33).
extension GeneratedObject {
    public static func namespace(name: String) -> JSONValue {
        object(apiVersion: "v1", kind: "Namespace", metadata: metadata(name: name), ["spec": .object([:]), "status": .object([:])])
    }

    /// A key and its bytes, from `--from-literal=key=value` or `--from-file=[key=]path`.
    public struct DataEntry: Sendable, Equatable {
        public var key: String
        public var bytes: Data
        public init(key: String, bytes: Data) { self.key = key; self.bytes = bytes }
    }

    /// Why `entries` cannot be a ConfigMap's or Secret's data: an invalid or repeated key (create_configmap.go).
    public static func dataProblem(_ entries: [DataEntry], kind: String, name: String) -> String? {
        var seen = Set<String>()
        for entry in entries {
            // IsConfigMapKey: a non-empty key of letters, digits, '-', '_' and '.'.
            if entry.key.isEmpty || entry.key.count > 253 || !entry.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                return "\"\(entry.key)\" is not a valid key name for a \(kind): a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
            }
            if !seen.insert(entry.key).inserted {
                return "cannot add key \(entry.key), another key by that name already exists in \(kind == "ConfigMap" ? "Data" : "data") for \(kind) \"\(name)\""
            }
        }
        return nil
    }

    /// `kubectl create configmap`: text values in `data`, other bytes base64 in `binaryData`.
    public static func configMap(name: String, entries: [DataEntry]) -> JSONValue {
        var data: [String: JSONValue] = [:]
        var binary: [String: JSONValue] = [:]
        for entry in entries {
            if let text = String(data: entry.bytes, encoding: .utf8) { data[entry.key] = .string(text) } else { binary[entry.key] = .string(entry.bytes.base64EncodedString()) }
        }
        var fields: [String: JSONValue] = [:]
        if !data.isEmpty { fields["data"] = .object(data) }
        if !binary.isEmpty { fields["binaryData"] = .object(binary) }
        return object(apiVersion: "v1", kind: "ConfigMap", metadata: metadata(name: name), fields)
    }

    /// `kubectl create secret generic`: every value base64 in `data`; `type` only when given
    /// (the API server defaults it to Opaque).
    public static func secret(name: String, entries: [DataEntry], type: String?) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if !entries.isEmpty { fields["data"] = .object(Dictionary(entries.map { ($0.key, JSONValue.string($0.bytes.base64EncodedString())) }) { _, new in new }) }
        if let type { fields["type"] = .string(type) }
        return object(apiVersion: "v1", kind: "Secret", metadata: metadata(name: name), fields)
    }

    /// One `--tcp=port[:targetPort]` of `kubectl create service`, named as upstream names it (`80-8080`).
    public struct ServicePortRequest: Sendable, Equatable {
        public var name: String?
        public var port: Int
        /// A number or a container port's name.
        public var targetPort: String
        public var nodePort: Int?

        public init(name: String?, port: Int, targetPort: String, nodePort: Int? = nil) {
            self.name = name
            self.port = port
            self.targetPort = targetPort
            self.nodePort = nodePort
        }

        /// `5678:8080` or `80`; nil when the port is not a number in 1–65535.
        public static func parse(tcp text: String) -> ServicePortRequest? {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let port = Int(parts[0]), (1...65_535).contains(port) else { return nil }
            let target = parts.count == 2 ? parts[1] : parts[0]
            if let number = Int(target), !(1...65_535).contains(number) { return nil }
            guard !target.isEmpty else { return nil }
            return ServicePortRequest(name: text.replacingOccurrences(of: ":", with: "-"), port: port, targetPort: target)
        }
    }

    /// A Service as `kubectl create service <type>` (labels and selector `app=<name>`) or
    /// `kubectl expose` (the exposed object's labels and selector) builds it.
    public static func service(name: String, type: String?, labels: [String: String], selector: [String: String],
                               ports: [ServicePortRequest], clusterIP: String? = nil) -> JSONValue {
        let portValues: [JSONValue] = ports.map { request in
            var port: [String: JSONValue] = ["port": .int(Int64(request.port)), "protocol": .string("TCP"),
                                             "targetPort": Int(request.targetPort).map { .int(Int64($0)) } ?? .string(request.targetPort)]
            if let name = request.name { port["name"] = .string(name) }
            if let nodePort = request.nodePort, nodePort > 0 { port["nodePort"] = .int(Int64(nodePort)) }
            return .object(port)
        }
        var spec: [String: JSONValue] = ["ports": .array(portValues)]
        if !selector.isEmpty { spec["selector"] = strings(selector) }
        if let type { spec["type"] = .string(type) }
        if let clusterIP { spec["clusterIP"] = .string(clusterIP) }
        return object(apiVersion: "v1", kind: "Service", metadata: metadata(name: name, labels: labels), [
            "spec": .object(spec), "status": .object(["loadBalancer": .object([:])]),
        ])
    }
}
