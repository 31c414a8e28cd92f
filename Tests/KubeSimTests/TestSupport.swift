import KubeModel
@testable import KubeSim

/// A default cluster with `yaml` applied.
func cluster(_ yaml: String = "") throws -> Cluster {
    let cluster = Cluster()
    if !yaml.isEmpty { try cluster.apply(yaml: yaml, file: "test.yaml") }
    return cluster
}

extension Cluster {
    func pod(_ name: String, namespace: String = "default") -> Pod? {
        get(.pod(name, namespace: namespace))?.pod
    }

    func containerStatus(_ pod: String, _ index: Int = 0) -> ContainerStatus? {
        self.pod(pod)?.status?.containerStatuses?[index]
    }

    func reasons(_ pod: String) -> [String] {
        store.events(about: .pod(pod)).map(\.reason)
    }
}

/// A pod bound to worker-1 through `spec.nodeName` (no scheduler needed).
func podYAML(_ name: String = "web", image: String = "nginx:1.27", extra: String = "", container: String = "", restartPolicy: String? = nil) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)
    spec:
      nodeName: worker-1
    \(restartPolicy.map { "  restartPolicy: \($0)" } ?? "")
    \(extra)
      containers:
      - name: app
        image: \(image)
    \(container)
    """
}
