import KubeModel
@testable import KubeSim

/// Manifests and counters shared by the ReplicaSet and Deployment tests.
enum WorkloadFixtures {
    static func deployment(_ name: String = "web", replicas: Int = 3, image: String = "nginx:1.27", strategy: String = "",
                           extraSpec: String = "", container: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
        \(strategy)
        \(extraSpec)
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: app
                image: \(image)
        \(container)
        """
    }

    static func replicaSet(_ name: String = "web", replicas: Int = 3, image: String = "nginx:1.27") -> String {
        """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: app
                image: \(image)
        """
    }
}

extension Cluster {
    func deployment(_ name: String = "web") -> Deployment? {
        guard case .deployment(let deployment)? = get(ObjectKey(kind: "Deployment", namespace: "default", name: name)) else { return nil }
        return deployment
    }

    func replicaSet(_ name: String) -> ReplicaSet? {
        guard case .replicaSet(let set)? = get(ObjectKey(kind: "ReplicaSet", namespace: "default", name: name)) else { return nil }
        return set
    }

    /// The ReplicaSets a Deployment owns, oldest revision first.
    func replicaSets(of name: String = "web") -> [ReplicaSet] {
        guard let uid = deployment(name)?.metadata.uid else { return [] }
        return store.dependents(ofUID: uid).compactMap { object -> ReplicaSet? in
            if case .replicaSet(let set) = object { return set } else { return nil }
        }.sorted { DeploymentUtil.revision($0) < DeploymentUtil.revision($1) }
    }

    /// Pods with `app=<name>`, terminating ones included.
    func pods(labelled app: String) -> [Pod] {
        store.list(kind: "Pod", namespace: "default").compactMap(\.pod).filter { $0.metadata.labels?["app"] == app }
    }

    func progressing(_ name: String = "web") -> DeploymentCondition? {
        deployment(name)?.status?.conditions?.first { $0.type == "Progressing" }
    }

    func eventMessages(_ key: ObjectKey, reason: String) -> [String] {
        store.events(about: key).filter { $0.reason == reason }.map(\.message)
    }

    /// Sets the image of container 0 of a Deployment, as `kubectl set image` does.
    func setImage(_ image: String, deployment name: String = "web") throws {
        guard var deployment = deployment(name) else { return }
        deployment.spec?.template.spec?.containers[0].image = image
        try update(.deployment(deployment))
    }
}
