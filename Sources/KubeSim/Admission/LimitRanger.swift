import KubeModel

/// LimitRange admission for containers (plugin/pkg/admission/limitranger/admission.go): first
/// fills missing requests and limits from `defaultRequest`/`default`, then checks `min`, `max`
/// and `maxLimitRequestRatio` with upstream's messages, all problems in one error.
struct LimitRanger: AdmissionPlugin {
    let name = "LimitRanger"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard case .pod(var pod) = object, operation.isCreate, var spec = pod.spec else { return }
        let items = store.list(kind: "LimitRange", namespace: pod.metadata.namespace ?? "default").flatMap { object -> [LimitRangeItem] in
            if case .limitRange(let range) = object { return range.spec?.limits ?? [] } else { return [] }
        }.filter { $0.type == "Container" }
        guard !items.isEmpty else { return }
        var problems: [String] = []
        func check(_ container: inout Container) {
            var resources = container.resources ?? ResourceRequirements()
            for item in items {
                var requests = resources.requests ?? [:], limits = resources.limits ?? [:]
                for (name, quantity) in item.defaultRequest ?? [:] where requests[name] == nil { requests[name] = quantity }
                for (name, quantity) in item.default ?? [:] where limits[name] == nil { limits[name] = quantity }
                resources.requests = requests.isEmpty ? nil : requests
                resources.limits = limits.isEmpty ? nil : limits
            }
            for item in items {
                let requests = resources.requests ?? [:], limits = resources.limits ?? [:]
                for (name, minimum) in (item.min ?? [:]).sorted(by: { $0.key < $1.key }) {
                    if let request = requests[name] {
                        if request < minimum { problems.append("minimum \(name) usage per Container is \(minimum), but request is \(request)") }
                    } else {
                        problems.append("minimum \(name) usage per Container is \(minimum).  No request is specified")
                    }
                }
                for (name, maximum) in (item.max ?? [:]).sorted(by: { $0.key < $1.key }) {
                    if let limit = limits[name] {
                        if limit > maximum { problems.append("maximum \(name) usage per Container is \(maximum), but limit is \(limit)") }
                    } else {
                        problems.append("maximum \(name) usage per Container is \(maximum).  No limit is specified")
                    }
                }
            }
            container.resources = resources
        }
        for index in spec.containers.indices { check(&spec.containers[index]) }
        if var initContainers = spec.initContainers {
            for index in initContainers.indices { check(&initContainers[index]) }
            spec.initContainers = initContainers
        }
        if !problems.isEmpty {
            throw AdmissionChain.forbidden(object, problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]")
        }
        pod.spec = spec
        pod.status?.qosClass = QoS.podClass(spec)
        object = .pod(pod)
    }
}
