import KubeModel

/// LimitRange admission for containers (plugin/pkg/admission/limitranger/admission.go): first
/// fills missing requests and limits from `defaultRequest`/`default`, then checks `min`, `max`
/// and `maxLimitRequestRatio` with upstream's messages, all problems in one error.
struct LimitRanger: AdmissionPlugin {
    let name = "LimitRanger"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate, case .pod = object else { return }
        let namespace = object.withMetadata { $0.namespace ?? "default" }
        let items = store.list(kind: "LimitRange", namespace: namespace).flatMap { object -> [LimitRangeItem] in
            if case .limitRange(let range) = object { return range.spec?.limits ?? [] } else { return [] }
        }.filter { $0.type == "Container" }
        guard !items.isEmpty else { return }
        var problems: [String] = []
        object.editPod { pod in
            guard pod.spec != nil else { return }
            for index in pod.spec!.containers.indices { Self.check(&pod.spec!.containers[index], against: items, problems: &problems) }
            if pod.spec?.initContainers != nil {
                for index in pod.spec!.initContainers!.indices { Self.check(&pod.spec!.initContainers![index], against: items, problems: &problems) }
            }
            let qosClass = QoS.podClass(of: pod)
            pod.status?.qosClass = qosClass
        }
        if !problems.isEmpty {
            throw AdmissionChain.forbidden(object, problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]")
        }
    }

    private static func check(_ container: inout Container, against items: [LimitRangeItem], problems: inout [String]) {
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
}
