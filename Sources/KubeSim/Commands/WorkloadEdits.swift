import KubeModel

/// What `kubectl rollout pause|resume|restart`, `kubectl scale` and `kubectl set image` change
/// (k8s.io/kubectl/pkg/polymorphichelpers objectpauser.go, objectresumer.go, objectrestarter.go;
/// pkg/cmd/scale, pkg/cmd/set/set_image.go, v1.33), with kubectl's errors.
extension Cluster {
    public static let restartedAtAnnotation = "kubectl.kubernetes.io/restartedAt"

    /// `rollout pause`: sets spec.paused; `is already paused` when it was.
    public func rolloutPause(_ key: ObjectKey) throws {
        var deployment = try pausable(key, verb: "pausing")
        if deployment.spec?.paused == true { throw RolloutError("\(Self.qualified(key)) \"\(key.name)\" is already paused") }
        deployment.spec?.paused = true
        try update(.deployment(deployment))
    }

    /// `rollout resume`: clears spec.paused; `is not paused` when it was not.
    public func rolloutResume(_ key: ObjectKey) throws {
        var deployment = try pausable(key, verb: "resuming")
        if deployment.spec?.paused != true { throw RolloutError("\(Self.qualified(key)) \"\(key.name)\" is not paused") }
        deployment.spec?.paused = false
        try update(.deployment(deployment))
    }

    /// `rollout restart`: stamps the template with `kubectl.kubernetes.io/restartedAt`, which
    /// makes a new template and so a rollout (Deployments, DaemonSets, StatefulSets, as
    /// objectrestarter.go); a paused Deployment refuses.
    public func rolloutRestart(_ key: ObjectKey) throws {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        func stamped(_ template: PodTemplateSpec) -> PodTemplateSpec {
            var template = template
            var meta = template.metadata ?? ObjectMeta()
            meta.annotations = (meta.annotations ?? [:]).merging([Self.restartedAtAnnotation: now.rfc3339]) { _, new in new }
            template.metadata = meta
            return template
        }
        switch object {
        case .deployment(var deployment):
            if deployment.spec?.paused == true {
                throw RolloutError("\(Self.qualified(key)) \"\(key.name)\" can't restart paused deployment (run rollout resume first)")
            }
            let template = stamped(deployment.spec?.template ?? PodTemplateSpec())
            deployment.spec?.template = template
            try update(.deployment(deployment))
        case .daemonSet(var daemonSet):
            let template = stamped(daemonSet.spec?.template ?? PodTemplateSpec())
            daemonSet.spec?.template = template
            try update(.daemonSet(daemonSet))
        case .statefulSet(var statefulSet):
            let template = stamped(statefulSet.spec?.template ?? PodTemplateSpec())
            statefulSet.spec?.template = template
            try update(.statefulSet(statefulSet))
        default:
            throw RolloutError("\(Self.qualified(key)) \"\(key.name)\" restarting is not supported")
        }
    }

    private func pausable(_ key: ObjectKey, verb: String) throws -> Deployment {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        guard case .deployment(let deployment) = object else { throw RolloutError("\(Self.qualified(key)) \"\(key.name)\" \(verb) is not supported") }
        return deployment
    }

    static func qualified(_ key: ObjectKey) -> String { ResourceName.forKind(key.kind).qualified }

    /// `kubectl scale`: Deployments, ReplicaSets and StatefulSets through their scale
    /// subresource; kinds without one (DaemonSets, pods) get the API server's 404 as the scale
    /// client reports it (`the server could not find the requested resource (get daemonsets web)`).
    public func scale(_ key: ObjectKey, replicas: Int32, currentReplicas: Int32? = nil) throws {
        guard let object = store.get(key) else {
            throw RolloutError("no objects passed to scale \(Self.qualified(key)) \"\(key.name)\" not found")
        }
        func check(_ current: Int32) throws {
            if let currentReplicas, currentReplicas != current {
                throw RolloutError("Expected replicas to be \(currentReplicas), was \(current)")
            }
        }
        switch object {
        case .deployment(var deployment):
            try check(DeploymentUtil.replicas(deployment))
            deployment.spec?.replicas = replicas
            try update(.deployment(deployment))
        case .replicaSet(var set):
            try check(DeploymentUtil.replicas(set))
            set.spec?.replicas = replicas
            try update(.replicaSet(set))
        case .statefulSet(var statefulSet):
            try check(statefulSet.spec?.replicas ?? 1)
            statefulSet.spec?.replicas = replicas
            try update(.statefulSet(statefulSet))
        default:
            throw APIError(reason: "NotFound", message: "the server could not find the requested resource (get \(ResourceName.forKind(key.kind).plural) \(key.name))")
        }
    }

    /// `kubectl set image`: `container=image` pairs, `*` for every container (init containers
    /// included); false when nothing changed. Unknown names fail as kubectl does.
    @discardableResult
    public func setImage(_ key: ObjectKey, _ images: [(container: String, image: String)]) throws -> Bool {
        func apply(_ spec: inout PodSpec) throws {
            for (name, image) in images {
                var found = false
                for index in spec.containers.indices where name == "*" || spec.containers[index].name == name {
                    spec.containers[index].image = image
                    found = true
                }
                if var initContainers = spec.initContainers {
                    for index in initContainers.indices where name == "*" || initContainers[index].name == name {
                        initContainers[index].image = image
                        found = true
                    }
                    spec.initContainers = initContainers
                }
                if !found { throw RolloutError("unable to find container named \"\(name)\"") }
            }
        }
        return try editPodSpec(key, apply)
    }
}
