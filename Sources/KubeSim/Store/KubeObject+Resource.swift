import Foundation
import KubeModel

extension KubeObject {
    /// Wraps a typed object back into the enum; nil for a type kubedrill does not model.
    /// The inverse of `resource`, so generic code can edit metadata and re-wrap.
    public init?(resource: any KubeResource) {
        switch resource {
        case let object as Pod: self = .pod(object)
        case let object as Service: self = .service(object)
        case let object as ConfigMap: self = .configMap(object)
        case let object as Secret: self = .secret(object)
        case let object as Namespace: self = .namespace(object)
        case let object as PersistentVolume: self = .persistentVolume(object)
        case let object as PersistentVolumeClaim: self = .persistentVolumeClaim(object)
        case let object as ResourceQuota: self = .resourceQuota(object)
        case let object as LimitRange: self = .limitRange(object)
        case let object as ServiceAccount: self = .serviceAccount(object)
        case let object as Node: self = .node(object)
        case let object as Event: self = .event(object)
        case let object as Endpoints: self = .endpoints(object)
        case let object as Deployment: self = .deployment(object)
        case let object as ReplicaSet: self = .replicaSet(object)
        case let object as StatefulSet: self = .statefulSet(object)
        case let object as DaemonSet: self = .daemonSet(object)
        case let object as Job: self = .job(object)
        case let object as CronJob: self = .cronJob(object)
        case let object as Ingress: self = .ingress(object)
        case let object as IngressClass: self = .ingressClass(object)
        case let object as NetworkPolicy: self = .networkPolicy(object)
        case let object as EndpointSlice: self = .endpointSlice(object)
        case let object as StorageClass: self = .storageClass(object)
        case let object as HorizontalPodAutoscaler: self = .horizontalPodAutoscaler(object)
        case let object as AutoscalingV1HorizontalPodAutoscaler: self = .autoscalingV1HorizontalPodAutoscaler(object)
        case let object as PodDisruptionBudget: self = .podDisruptionBudget(object)
        case let object as PriorityClass: self = .priorityClass(object)
        case let object as Role: self = .role(object)
        case let object as ClusterRole: self = .clusterRole(object)
        case let object as RoleBinding: self = .roleBinding(object)
        case let object as ClusterRoleBinding: self = .clusterRoleBinding(object)
        default: return nil
        }
    }

    /// Metadata, readable and writable whatever the kind.
    public var meta: ObjectMeta {
        get { metadata }
        set {
            // A switch, not `resource` and back: every store write sets metadata, and the
            // existential round trip (a boxed copy and a chain of casts) dominated writes.
            switch self {
            case .pod(let object): self = .pod(Self.edit(object, newValue)); return
            case .service(let object): self = .service(Self.edit(object, newValue)); return
            case .configMap(let object): self = .configMap(Self.edit(object, newValue)); return
            case .secret(let object): self = .secret(Self.edit(object, newValue)); return
            case .namespace(let object): self = .namespace(Self.edit(object, newValue)); return
            case .persistentVolume(let object): self = .persistentVolume(Self.edit(object, newValue)); return
            case .persistentVolumeClaim(let object): self = .persistentVolumeClaim(Self.edit(object, newValue)); return
            case .resourceQuota(let object): self = .resourceQuota(Self.edit(object, newValue)); return
            case .limitRange(let object): self = .limitRange(Self.edit(object, newValue)); return
            case .serviceAccount(let object): self = .serviceAccount(Self.edit(object, newValue)); return
            case .node(let object): self = .node(Self.edit(object, newValue)); return
            case .event(let object): self = .event(Self.edit(object, newValue)); return
            case .endpoints(let object): self = .endpoints(Self.edit(object, newValue)); return
            case .deployment(let object): self = .deployment(Self.edit(object, newValue)); return
            case .replicaSet(let object): self = .replicaSet(Self.edit(object, newValue)); return
            case .statefulSet(let object): self = .statefulSet(Self.edit(object, newValue)); return
            case .daemonSet(let object): self = .daemonSet(Self.edit(object, newValue)); return
            case .job(let object): self = .job(Self.edit(object, newValue)); return
            case .cronJob(let object): self = .cronJob(Self.edit(object, newValue)); return
            case .ingress(let object): self = .ingress(Self.edit(object, newValue)); return
            case .ingressClass(let object): self = .ingressClass(Self.edit(object, newValue)); return
            case .networkPolicy(let object): self = .networkPolicy(Self.edit(object, newValue)); return
            case .endpointSlice(let object): self = .endpointSlice(Self.edit(object, newValue)); return
            case .storageClass(let object): self = .storageClass(Self.edit(object, newValue)); return
            case .horizontalPodAutoscaler(let object): self = .horizontalPodAutoscaler(Self.edit(object, newValue)); return
            case .autoscalingV1HorizontalPodAutoscaler(let object): self = .autoscalingV1HorizontalPodAutoscaler(Self.edit(object, newValue)); return
            case .podDisruptionBudget(let object): self = .podDisruptionBudget(Self.edit(object, newValue)); return
            case .priorityClass(let object): self = .priorityClass(Self.edit(object, newValue)); return
            case .role(let object): self = .role(Self.edit(object, newValue)); return
            case .clusterRole(let object): self = .clusterRole(Self.edit(object, newValue)); return
            case .roleBinding(let object): self = .roleBinding(Self.edit(object, newValue)); return
            case .clusterRoleBinding(let object): self = .clusterRoleBinding(Self.edit(object, newValue)); return
            default: break  // kinds added later take the generic path
            }
            var resource = self.resource
            resource.metadata = newValue
            if let object = KubeObject(resource: resource) { self = object }
        }
    }

    private static func edit<T: KubeResource>(_ object: T, _ meta: ObjectMeta) -> T {
        var object = object
        object.metadata = meta
        return object
    }

    /// The object as `kubectl get -o json` prints it: sorted keys, no escaped slashes.
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(resource)
    }

    /// The object as a generic JSON tree, for merges and comparisons.
    public func jsonValue() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: jsonData())
    }

    /// Rebuilds a typed object from a JSON tree (after a merge patch).
    public static func from(json: JSONValue) throws -> KubeObject? {
        guard case .object(let fields) = json,
              case .string(let apiVersion)? = fields["apiVersion"], case .string(let kind)? = fields["kind"] else { return nil }
        let data = try JSONEncoder().encode(json)
        return try KubeObject.decode(apiVersion: apiVersion, kind: kind, json: data)
    }

    public var pod: Pod? { if case .pod(let pod) = self { return pod } else { return nil } }

    /// Reads a pod where it lies, for filters: `pod` returns a copy of every field, paid for
    /// each pod a filter then drops.
    @inline(__always)
    public func withPod<Result>(_ body: (Pod) throws -> Result) rethrows -> Result? {
        guard case .pod(let pod) = self else { return nil }
        return try body(pod)
    }

    /// The same for a Job.
    @inline(__always)
    public func withJob<Result>(_ body: (Job) throws -> Result) rethrows -> Result? {
        guard case .job(let job) = self else { return nil }
        return try body(job)
    }

    /// The same for a CronJob.
    @inline(__always)
    public func withCronJob<Result>(_ body: (CronJob) throws -> Result) rethrows -> Result? {
        guard case .cronJob(let cronJob) = self else { return nil }
        return try body(cronJob)
    }
    public var node: Node? { if case .node(let node) = self { return node } else { return nil } }
}

/// A `KubeObject` that encodes as its JSON and decodes by its `apiVersion`/`kind`, so the whole
/// cluster can be saved between commands (`cluster.json`).
public struct CodableObject: Codable, Sendable {
    public var object: KubeObject

    public init(_ object: KubeObject) { self.object = object }

    public func encode(to encoder: Encoder) throws {
        try object.resource.encode(to: encoder)
    }

    public init(from decoder: Decoder) throws {
        let json = try JSONValue(from: decoder)
        guard let object = try KubeObject.from(json: json) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a modelled kind"))
        }
        self.object = object
    }
}
