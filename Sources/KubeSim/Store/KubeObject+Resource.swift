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

    /// Metadata, readable and writable whatever the kind. Set whole, the old metadata is
    /// dropped, not copied first as an edit of a shared box would.
    public var meta: ObjectMeta {
        get { metadata }
        set { rewrap(ReplaceMetadata(meta: newValue)) }
    }

    /// Edits metadata in place whatever the kind. Reading `meta`, changing a field and setting
    /// it back copied every field of the metadata once more; a store write sets the
    /// resourceVersion alone.
    public mutating func editMeta(_ edit: (inout ObjectMeta) -> Void) {
        withoutActuallyEscaping(edit) { rewrap(EditMetadata(edit: $0)) }
    }

    /// Runs `write` on the object whatever its kind and wraps it again. A switch, not
    /// `resource` and back: the existential round trip (a boxed copy and a chain of casts)
    /// dominated writes.
    @inline(__always)
    private mutating func rewrap(_ write: some MetadataWrite) {
        switch self {
        case .pod(var object): write.apply(to: &object); self = .pod(object)
        case .service(var object): write.apply(to: &object); self = .service(object)
        case .configMap(var object): write.apply(to: &object); self = .configMap(object)
        case .secret(var object): write.apply(to: &object); self = .secret(object)
        case .namespace(var object): write.apply(to: &object); self = .namespace(object)
        case .persistentVolume(var object): write.apply(to: &object); self = .persistentVolume(object)
        case .persistentVolumeClaim(var object): write.apply(to: &object); self = .persistentVolumeClaim(object)
        case .resourceQuota(var object): write.apply(to: &object); self = .resourceQuota(object)
        case .limitRange(var object): write.apply(to: &object); self = .limitRange(object)
        case .serviceAccount(var object): write.apply(to: &object); self = .serviceAccount(object)
        case .node(var object): write.apply(to: &object); self = .node(object)
        case .event(var object): write.apply(to: &object); self = .event(object)
        case .endpoints(var object): write.apply(to: &object); self = .endpoints(object)
        case .deployment(var object): write.apply(to: &object); self = .deployment(object)
        case .replicaSet(var object): write.apply(to: &object); self = .replicaSet(object)
        case .statefulSet(var object): write.apply(to: &object); self = .statefulSet(object)
        case .daemonSet(var object): write.apply(to: &object); self = .daemonSet(object)
        case .job(var object): write.apply(to: &object); self = .job(object)
        case .cronJob(var object): write.apply(to: &object); self = .cronJob(object)
        case .ingress(var object): write.apply(to: &object); self = .ingress(object)
        case .ingressClass(var object): write.apply(to: &object); self = .ingressClass(object)
        case .networkPolicy(var object): write.apply(to: &object); self = .networkPolicy(object)
        case .endpointSlice(var object): write.apply(to: &object); self = .endpointSlice(object)
        case .storageClass(var object): write.apply(to: &object); self = .storageClass(object)
        case .horizontalPodAutoscaler(var object): write.apply(to: &object); self = .horizontalPodAutoscaler(object)
        case .autoscalingV1HorizontalPodAutoscaler(var object): write.apply(to: &object); self = .autoscalingV1HorizontalPodAutoscaler(object)
        case .podDisruptionBudget(var object): write.apply(to: &object); self = .podDisruptionBudget(object)
        case .priorityClass(var object): write.apply(to: &object); self = .priorityClass(object)
        case .role(var object): write.apply(to: &object); self = .role(object)
        case .clusterRole(var object): write.apply(to: &object); self = .clusterRole(object)
        case .roleBinding(var object): write.apply(to: &object); self = .roleBinding(object)
        case .clusterRoleBinding(var object): write.apply(to: &object); self = .clusterRoleBinding(object)
        default:  // kinds added later take the generic path
            var resource = self.resource
            write.apply(to: &resource)
            if let object = KubeObject(resource: resource) { self = object }
        }
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

/// What `KubeObject.rewrap` does to an object's metadata; a protocol, so that each write is
/// specialized (an edit's closure inlined) rather than dispatched.
private protocol MetadataWrite {
    func apply<Resource: KubeResource>(to object: inout Resource)
    func apply(to resource: inout any KubeResource)
}

/// The whole metadata set: the old one is dropped, not copied first as editing a shared box would.
private struct ReplaceMetadata: MetadataWrite {
    let meta: ObjectMeta
    func apply<Resource: KubeResource>(to object: inout Resource) { object.metadata = meta }
    func apply(to resource: inout any KubeResource) { resource.metadata = meta }
}

private struct EditMetadata: MetadataWrite {
    let edit: (inout ObjectMeta) -> Void
    func apply<Resource: KubeResource>(to object: inout Resource) { edit(&object.metadata) }
    func apply(to resource: inout any KubeResource) { edit(&resource.metadata) }
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
