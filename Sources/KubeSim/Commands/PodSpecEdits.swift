import KubeModel

/// Edits of the pod spec inside an object, the way the `kubectl set` commands reach it
/// (polymorphichelpers.UpdatePodSpecForObject, v1.33): a Pod's own spec, a workload's template,
/// a CronJob's job template. A Job's template is immutable, so the API server refuses the update.
extension Cluster {
    /// Applies `edit` to the object's pod spec and updates it; false when nothing changed.
    @discardableResult
    public func editPodSpec(_ key: ObjectKey, _ edit: (inout PodSpec) throws -> Void) throws -> Bool {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        func edited(_ spec: PodSpec?) throws -> PodSpec {
            var spec = spec ?? PodSpec()
            try edit(&spec)
            return spec
        }
        var changed = object
        switch object {
        case .deployment(var deployment):
            let spec = try edited(deployment.spec?.template.spec)
            deployment.spec?.template.spec = spec
            changed = .deployment(deployment)
        case .replicaSet(var set):
            let spec = try edited(set.spec?.template?.spec)
            set.spec?.template?.spec = spec
            changed = .replicaSet(set)
        case .statefulSet(var statefulSet):
            let spec = try edited(statefulSet.spec?.template.spec)
            statefulSet.spec?.template.spec = spec
            changed = .statefulSet(statefulSet)
        case .daemonSet(var daemonSet):
            let spec = try edited(daemonSet.spec?.template.spec)
            daemonSet.spec?.template.spec = spec
            changed = .daemonSet(daemonSet)
        case .job(var job):
            let spec = try edited(job.spec?.template.spec)
            job.spec?.template.spec = spec
            changed = .job(job)
        case .cronJob(var cronJob):
            let spec = try edited(cronJob.spec?.jobTemplate.spec?.template.spec)
            cronJob.spec?.jobTemplate.spec?.template.spec = spec
            changed = .cronJob(cronJob)
        case .pod(var pod):
            let spec = try edited(pod.spec)
            pod.spec = spec
            changed = .pod(pod)
        default:
            throw RolloutError("\(Self.qualified(key))/\(key.name) the object is not a pod or does not have a pod template: \(object.apiVersion), Kind=\(key.kind)")
        }
        guard changed != object else { return false }
        try update(changed)
        return true
    }

    /// The variables `kubectl set env --from=configmap/<name>` (or secret/) adds: one per key, named
    /// `<prefix><KEY>` upper-cased with characters outside [A-Za-z0-9_] as `_`, each a key reference.
    public static func environment(from object: KubeObject, prefix: String) -> [EnvVar]? {
        let keys: [String]
        switch object {
        case .configMap(let map): keys = Array((map.data ?? [:]).keys) + Array((map.binaryData ?? [:]).keys)
        case .secret(let secret): keys = Array((secret.data ?? [:]).keys)
        default: return nil
        }
        return keys.sorted().map { key in
            var variable = EnvVar()
            variable.name = String((prefix + key).uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
            var source = EnvVarSource()
            if case .configMap = object {
                var selector = ConfigMapKeySelector()
                selector.name = object.meta.name
                selector.key = key
                source.configMapKeyRef = selector
            } else {
                var selector = SecretKeySelector()
                selector.name = object.meta.name
                selector.key = key
                source.secretKeyRef = selector
            }
            variable.valueFrom = source
            return variable
        }
    }

    /// The containers `-c`/`--containers` names (a glob with `*`, default every container).
    static func selected(_ containers: [Container], pattern: String) -> [Int] {
        containers.indices.filter { Self.glob(pattern, matches: containers[$0].name) }
    }

    static func glob(_ pattern: String, matches name: String) -> Bool {
        guard pattern.contains("*") else { return pattern == name }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(name)
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let range = rest.range(of: part) {
                rest = rest[range.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }

    /// `kubectl set env`: each variable is set (replacing one of the same name), `KEY-` names are
    /// removed, in the containers `pattern` selects.
    @discardableResult
    public func setEnv(_ key: ObjectKey, containers pattern: String, set: [EnvVar], remove: [String]) throws -> Bool {
        try editPodSpec(key) { spec in
            let chosen = Self.selected(spec.containers, pattern: pattern)
            if chosen.isEmpty { throw RolloutError("error: unable to find container named \(pattern)") }
            for index in chosen {
                var env = spec.containers[index].env ?? []
                for variable in set {
                    if let at = env.firstIndex(where: { $0.name == variable.name }) { env[at] = variable } else { env.append(variable) }
                }
                env.removeAll { remove.contains($0.name) }
                spec.containers[index].env = env.isEmpty ? nil : env
            }
        }
    }

    /// `kubectl set resources --limits=cpu=200m --requests=memory=64Mi`: the named resources are set,
    /// others kept.
    @discardableResult
    public func setResources(_ key: ObjectKey, containers pattern: String, limits: [String: Quantity], requests: [String: Quantity]) throws -> Bool {
        try editPodSpec(key) { spec in
            let chosen = Self.selected(spec.containers, pattern: pattern)
            if chosen.isEmpty { throw RolloutError("error: unable to find container named \(pattern)") }
            for index in chosen {
                var resources = spec.containers[index].resources ?? ResourceRequirements()
                if !limits.isEmpty { resources.limits = (resources.limits ?? [:]).merging(limits) { _, new in new } }
                if !requests.isEmpty { resources.requests = (resources.requests ?? [:]).merging(requests) { _, new in new } }
                spec.containers[index].resources = resources
            }
        }
    }
}
