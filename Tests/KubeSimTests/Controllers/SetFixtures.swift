import KubeModel
@testable import KubeSim

/// Manifests and lookups the StatefulSet and DaemonSet tests share (ReplicaSet and Deployment ones are in WorkloadFixtures.swift).
enum Workloads {
    /// A provisioning class that binds on first use, so claimed pods schedule without a volume binder.
    static let storageClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: standard}
        provisioner: rancher.io/local-path
        volumeBindingMode: WaitForFirstConsumer
        """

    /// The `web` StatefulSet of the Kubernetes StatefulSet tutorial: headless Service `nginx`,
    /// claim template `data`.
    static func statefulSet(replicas: Int = 3, image: String = "nginx:1.27", policy: String = "OrderedReady",
                            strategy: String = "", retention: String = "", container: String = "", pod: String = "",
                            extraSpec: String = "") -> String {
        """
        \(storageClass)
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: nginx
          replicas: \(replicas)
          podManagementPolicy: \(policy)
        \(strategy)
        \(retention)
        \(extraSpec)
          selector: {matchLabels: {app: nginx}}
          template:
            metadata: {labels: {app: nginx}}
            spec:
        \(pod)
              containers:
              - name: nginx
                image: "\(image)"
                ports: [{containerPort: 80}]
        \(container)
          volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: standard
              resources: {requests: {storage: 1Gi}}
        """
    }

    /// Ready 10 seconds after start (a readiness probe with `initialDelaySeconds: 10`).
    static let slowReadiness = "        readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 10, periodSeconds: 5}"
    /// Never Ready: the probe asks nginx for a path it does not serve.
    static let neverReady = "        readinessProbe: {httpGet: {path: /healthz, port: 80}}"

    static func daemonSet(image: String = "nginx:1.27", strategy: String = "", pod: String = "", container: String = "", extraSpec: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
        \(strategy)
        \(extraSpec)
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
        \(pod)
              containers:
              - name: agent
                image: "\(image)"
        \(container)
        """
    }
}

extension Cluster {
    var statefulSet: StatefulSet? {
        if case .statefulSet(let set)? = get(ObjectKey(kind: "StatefulSet", namespace: "default", name: "web")) { return set }
        return nil
    }

    var daemonSet: DaemonSet? {
        if case .daemonSet(let ds)? = get(ObjectKey(kind: "DaemonSet", namespace: "default", name: "agent")) { return ds }
        return nil
    }

    func claim(_ name: String) -> PersistentVolumeClaim? {
        if case .persistentVolumeClaim(let claim)? = get(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: name)) { return claim }
        return nil
    }

    /// Pods of the default namespace whose name starts with `prefix`, sorted by name.
    func pods(named prefix: String) -> [Pod] {
        store.pods.filter { ($0.metadata.name ?? "").hasPrefix(prefix) }
    }

    /// The daemon pods by the node they are bound to.
    var daemonPodsByNode: [String: [Pod]] {
        Dictionary(grouping: pods(named: "agent-")) { $0.spec?.nodeName ?? "" }
    }

    /// Events recorded about the StatefulSet or DaemonSet, as `reason: message`.
    func events(of kind: String, _ name: String) -> [String] {
        store.eventLog.filter { $0.object == "\(kind)/\(name)" }.map { "\($0.reason): \($0.message)" }
    }

    /// Advances one second at a time, calling `check` after each step.
    func step(_ seconds: Int, _ check: (Cluster) throws -> Void) throws {
        for _ in 0..<seconds {
            try advance(by: .seconds(1))
            try check(self)
        }
    }
}
