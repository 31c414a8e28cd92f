import KubeModel

/// What `kubectl expose` reads from the object it exposes (polymorphichelpers v1.33): the
/// selector (a Pod's labels, a Service's selector, a workload's `matchLabels`) and the ports
/// (container ports of the Pod or template, a Service's ports).
public enum ExposeGenerator {
    public static let kinds = ["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func selector(of object: JSONValue, kind: String, name: String) throws -> [String: String] {
        switch kind {
        case "Pod":
            return strings(object[path: ["metadata", "labels"]])
        case "Service", "ReplicationController":
            return strings(object[path: ["spec", "selector"]])
        default:
            if case .array(let expressions)? = object[path: ["spec", "selector", "matchExpressions"]], !expressions.isEmpty {
                throw Failure(description: "couldn't retrieve selectors via --selector flag or introspection: the \(kind.lowercased()) \(name) selects with matchExpressions, which a Service selector cannot express")
            }
            return strings(object[path: ["spec", "selector", "matchLabels"]])
        }
    }

    /// The ports found on the object, in order.
    public static func ports(of object: JSONValue, kind: String) -> [Int] {
        let containers: JSONValue?
        switch kind {
        case "Pod": containers = object[path: ["spec", "containers"]]
        case "Service":
            guard case .array(let ports)? = object[path: ["spec", "ports"]] else { return [] }
            return ports.compactMap { if case .int(let port)? = $0[path: ["port"]] { Int(port) } else { nil } }
        default: containers = object[path: ["spec", "template", "spec", "containers"]]
        }
        guard case .array(let list)? = containers else { return [] }
        return list.flatMap { container -> [Int] in
            guard case .array(let ports)? = container[path: ["ports"]] else { return [] }
            return ports.compactMap { if case .int(let port)? = $0[path: ["containerPort"]] { Int(port) } else { nil } }
        }
    }

    /// The Service: one port per `ports` (named `port-1`, `port-2`… when several), each targeting
    /// `targetPort` when given, else itself; labels copied from the exposed object.
    public static func service(name: String, exposing object: JSONValue, kind: String, ports: [Int], targetPort: String?,
                               type: String?, selector: [String: String]) -> JSONValue {
        let requests = ports.enumerated().map { index, port in
            GeneratedObject.ServicePortRequest(name: ports.count > 1 ? "port-\(index + 1)" : nil, port: port, targetPort: targetPort ?? String(port))
        }
        return GeneratedObject.service(name: name, type: type, labels: strings(object[path: ["metadata", "labels"]]),
                                       selector: selector, ports: requests)
    }

    static func strings(_ value: JSONValue?) -> [String: String] {
        guard case .object(let fields)? = value else { return [:] }
        return fields.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
    }
}
