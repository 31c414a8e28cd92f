import KubeModel

extension Cluster {
    /// `load deploy/web cpu=80% memory=200Mi`: sets the simulated total demand of a Deployment,
    /// ReplicaSet or StatefulSet (see `WorkloadLoad` for what the numbers mean); `cpu-` removes
    /// a value. Returns the stored load.
    @discardableResult
    public func setLoad(_ key: ObjectKey, _ changes: [String]) throws -> WorkloadLoad? {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        guard let (replicas, template) = Self.scaleAndTemplate(of: object) else {
            throw APIError(reason: "BadRequest", message: "load applies to deployments, replicasets and statefulsets, not \(ResourceName.forKind(key.kind).plural)")
        }
        var load = WorkloadLoad(annotations: object.meta.annotations) ?? WorkloadLoad()
        for change in changes {
            if change == "cpu-" { load.cpuMilli = nil; continue }
            if change == "memory-" { load.memoryBytes = nil; continue }
            let pair = change.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, ["cpu", "memory"].contains(pair[0]) else {
                throw APIError(reason: "BadRequest", message: "invalid load \"\(change)\": use cpu=80%, cpu=300m, memory=200Mi, or cpu- to remove")
            }
            let total = try Self.totalDemand(pair[1], resource: pair[0], replicas: replicas, template: template, workload: key)
            if pair[0] == "cpu" { load.cpuMilli = total } else { load.memoryBytes = total }
        }
        var meta = object.meta
        let value = load.annotationValue
        meta.annotations = (meta.annotations ?? [:]).merging([WorkloadLoad.annotation: value]) { _, new in new }
        if value.isEmpty { meta.annotations?[WorkloadLoad.annotation] = nil }
        store.updateStatus(object.with(meta))
        try settle()
        return value.isEmpty ? nil : load
    }

    /// A total in millicores (cpu) or bytes (memory); a percentage is of the template's request
    /// times the current replicas.
    static func totalDemand(_ text: String, resource: String, replicas: Int32, template: PodTemplateSpec?, workload key: ObjectKey) throws -> Int64 {
        let unit: (Quantity) -> Int64 = resource == "cpu" ? { $0.milliValue } : { $0.value }
        guard text.hasSuffix("%") else {
            guard let quantity = try? Quantity(parsing: text), quantity >= Quantity() else {
                throw APIError(reason: "BadRequest", message: "invalid \(resource) load \"\(text)\": not a quantity or percentage")
            }
            return unit(quantity)
        }
        guard let percent = Int64(text.dropLast()), percent >= 0 else {
            throw APIError(reason: "BadRequest", message: "invalid \(resource) load \"\(text)\": not a percentage")
        }
        let containers = template?.spec?.containers ?? []
        guard !containers.isEmpty, containers.allSatisfy({ $0.resources?.requests?[resource] != nil }) else {
            throw APIError(reason: "BadRequest", message: "\(resource)=\(text) needs a \(resource) request on every container of \(ResourceName.forKind(key.kind).qualified)/\(key.name); give an absolute value such as \(resource == "cpu" ? "cpu=300m" : "memory=200Mi")")
        }
        let request = containers.reduce(Int64(0)) { $0 + unit($1.resources?.requests?[resource] ?? Quantity()) }
        return request * Int64(replicas) * percent / 100
    }

    /// spec.replicas and the pod template of the kinds with a scale subresource.
    static func scaleAndTemplate(of object: KubeObject) -> (Int32, PodTemplateSpec?)? {
        switch object {
        case .deployment(let deployment): return (DeploymentUtil.replicas(deployment), deployment.spec?.template)
        case .replicaSet(let set): return (DeploymentUtil.replicas(set), set.spec?.template)
        case .statefulSet(let set): return (set.spec?.replicas ?? 1, set.spec?.template)
        default: return nil
        }
    }
}
