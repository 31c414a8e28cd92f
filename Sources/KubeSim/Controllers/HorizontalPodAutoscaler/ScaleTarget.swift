import KubeModel

/// The `/scale` subresource of an HPA's target (autoscaling/v1 Scale): spec.replicas,
/// status.replicas and the selector, for the kinds that have one here (Deployments,
/// ReplicaSets, StatefulSets).
struct ScaleTarget {
    let object: KubeObject
    let specReplicas: Int32
    let statusReplicas: Int32
    let selector: LabelSelector?

    struct Failure: Error { let message: String }

    /// The target of `reference` in `namespace`, or the error the scale client would report.
    static func find(_ reference: CrossVersionObjectReference, namespace: String, in store: Store) throws -> ScaleTarget {
        let group = reference.apiVersion.map { $0.contains("/") ? String($0.split(separator: "/")[0]) : "" } ?? ""
        guard ["Deployment", "ReplicaSet", "StatefulSet"].contains(reference.kind), group == "apps" || reference.apiVersion == nil else {
            throw Failure(message: "no matches for kind \"\(reference.kind)\" in group \"\(group)\"")
        }
        let key = ObjectKey(kind: reference.kind, namespace: namespace, name: reference.name)
        switch store.get(key) {
        case .deployment(let deployment)?:
            return ScaleTarget(object: .deployment(deployment), specReplicas: DeploymentUtil.replicas(deployment),
                               statusReplicas: deployment.status?.replicas ?? 0, selector: deployment.spec?.selector)
        case .replicaSet(let set)?:
            return ScaleTarget(object: .replicaSet(set), specReplicas: DeploymentUtil.replicas(set),
                               statusReplicas: set.status?.replicas ?? 0, selector: set.spec?.selector)
        case .statefulSet(let set)?:
            return ScaleTarget(object: .statefulSet(set), specReplicas: set.spec?.replicas ?? 1,
                               statusReplicas: set.status?.replicas ?? 0, selector: set.spec?.selector)
        default:
            throw Failure(message: "\(ResourceName.forKind(reference.kind).qualified) \"\(reference.name)\" not found")
        }
    }

    /// The target with spec.replicas set, for the scale update.
    func scaled(to replicas: Int32) -> KubeObject {
        switch object {
        case .deployment(var deployment): deployment.spec?.replicas = replicas; return .deployment(deployment)
        case .replicaSet(var set): set.spec?.replicas = replicas; return .replicaSet(set)
        case .statefulSet(var set): set.spec?.replicas = replicas; return .statefulSet(set)
        default: return object
        }
    }

    /// The pods the selector matches in the target's namespace (`podLister.List(selector)`).
    func pods(in store: Store) -> [Pod] {
        guard let selector, !selector.isEmpty else { return [] }
        return store.list(kind: "Pod", namespace: object.meta.namespace ?? "default").compactMap(\.pod)
            .filter { selector.matches($0.metadata.labels ?? [:]) }
    }
}
