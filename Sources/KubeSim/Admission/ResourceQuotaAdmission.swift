import KubeModel

/// ResourceQuota enforcement (plugin/pkg/admission/resourcequota/controller.go and the pod
/// evaluator in pkg/quota/v1/evaluator/core/pods.go): a create that would take any tracked
/// resource past `hard` is refused with
/// `exceeded quota: <name>, requested: <r>=<q>, used: <r>=<q>, limited: <r>=<q>`;
/// a pod that leaves out a request or limit the quota tracks is refused with
/// `failed quota: <name>: must specify <r> for: <containers>`.
struct ResourceQuotaAdmission: AdmissionPlugin {
    let name = "ResourceQuota"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate, object.isNamespaced else { return }
        let namespace = object.withMetadata(\.namespace) ?? "default"
        let quotas = store.list(kind: "ResourceQuota", namespace: namespace).compactMap { object -> ResourceQuota? in
            if case .resourceQuota(let quota) = object { return quota } else { return nil }
        }
        // Most namespaces have no quota: then what the object would use is never worked out.
        guard !quotas.isEmpty else { return }
        let requested = QuotaUsage.of(object)
        guard !requested.isEmpty || object.kind == "Pod" else { return }
        let used = QuotaUsage.namespace(namespace, in: store)
        for quota in quotas {
            let hard = quota.spec?.hard ?? [:]
            if case .pod(let pod) = object {
                var missing: [String] = []
                for resource in ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "cpu", "memory"] where hard[resource] != nil {
                    let lacking = pod.spec?.containers.filter { container in
                        let parts = resource.split(separator: ".").map(String.init)
                        let (section, name) = parts.count == 2 ? (parts[0], parts[1]) : ("requests", parts[0])
                        let values = section == "limits" ? container.resources?.limits : container.resources?.requests
                        return values?[name] == nil
                    }.map(\.name) ?? []
                    if !lacking.isEmpty { missing.append("\(resource) for: \(lacking.joined(separator: ","))") }
                }
                if !missing.isEmpty {
                    throw AdmissionChain.forbidden(object, "failed quota: \(quota.metadata.name ?? ""): must specify \(missing.joined(separator: "; "))")
                }
            }
            var failed: [String] = []
            for (resource, limit) in hard.sorted(by: { $0.key < $1.key }) {
                guard let amount = requested[resource] else { continue }
                let total = (used[resource] ?? Quantity()) + amount
                if total > limit { failed.append(resource) }
            }
            if !failed.isEmpty {
                func list(_ values: [String: Quantity]) -> String {
                    failed.map { "\($0)=\(values[$0] ?? Quantity())" }.joined(separator: ",")
                }
                throw AdmissionChain.forbidden(object, "exceeded quota: \(quota.metadata.name ?? ""), requested: \(list(requested)), used: \(list(used)), limited: \(list(hard))")
            }
        }
    }
}

/// What objects count against quota (pkg/quota/v1/evaluator/core).
public enum QuotaUsage {
    /// The usage one object adds: object counts, and for a pod its requests and limits.
    public static func of(_ object: KubeObject) -> [String: Quantity] {
        let plural = ResourceName.forKind(object.kind).qualified
        var usage: [String: Quantity] = ["count/\(plural)": Quantity(1)]
        switch object {
        case .pod(let pod):
            guard !["Succeeded", "Failed"].contains(pod.status?.phase ?? "") else { return [:] }
            usage["pods"] = Quantity(1)
            for container in pod.spec?.containers ?? [] {
                for (name, quantity) in container.resources?.requests ?? [:] where ["cpu", "memory", "ephemeral-storage"].contains(name) {
                    usage["requests.\(name)", default: Quantity()] += quantity
                    usage[name, default: Quantity()] += quantity
                }
                for (name, quantity) in container.resources?.limits ?? [:] where ["cpu", "memory", "ephemeral-storage"].contains(name) {
                    usage["limits.\(name)", default: Quantity()] += quantity
                }
            }
        case .service(let service):
            usage["services"] = Quantity(1)
            if service.spec?.type == "NodePort" { usage["services.nodeports"] = Quantity(1) }
            if service.spec?.type == "LoadBalancer" { usage["services.loadbalancers"] = Quantity(1) }
        case .configMap: usage["configmaps"] = Quantity(1)
        case .secret: usage["secrets"] = Quantity(1)
        case .persistentVolumeClaim(let claim):
            usage["persistentvolumeclaims"] = Quantity(1)
            if let storage = claim.spec?.resources?.requests?["storage"] { usage["requests.storage"] = storage }
        default: break
        }
        return usage
    }

    /// The summed usage of a namespace.
    public static func namespace(_ namespace: String, in store: Store) -> [String: Quantity] {
        var total: [String: Quantity] = [:]
        for kind in store.kinds where kind != "Event" {
            for object in store.list(kind: kind, namespace: namespace) {
                for (name, quantity) in of(object) { total[name, default: Quantity()] += quantity }
            }
        }
        return total
    }
}

/// Keeps `status.hard` and `status.used` of quotas current, as the resource quota controller
/// does (pkg/controller/resourcequota), so `kubectl describe quota` shows usage.
struct ResourceQuotaController: Controller {
    let name = "resourcequota"
    /// Watches every kind (any can be counted), but with no quota there is nothing to keep.
    let primaryKinds: Set<String>? = ["ResourceQuota"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        guard event.key.kind != "Event", !event.key.namespace.isEmpty else { return [] }
        if event.key.kind == "ResourceQuota" { return [event.key] }
        return store.list(kind: "ResourceQuota", namespace: event.key.namespace).map(\.key)
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .resourceQuota(var quota)? = store.get(key) else { return .done }
        let hard = quota.spec?.hard ?? [:]
        let usage = QuotaUsage.namespace(key.namespace, in: store)
        var status = ResourceQuotaStatus()
        status.hard = hard
        status.used = Dictionary(uniqueKeysWithValues: hard.keys.map { ($0, usage[$0] ?? Quantity()) })
        quota.status = status
        store.updateStatus(.resourceQuota(quota))
        return .done
    }
}
