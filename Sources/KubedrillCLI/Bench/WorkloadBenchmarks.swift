import Foundation
import KubeModel
import KubeSim

/// Benchmarks of the StatefulSet and DaemonSet controllers on a large cluster: their reconciles
/// list pods by namespace and nodes, never the whole store, so the cost should grow about
/// linearly with nodes and pods.
enum WorkloadBenchmarks {
    static var all: [Benchmark] {
        [Benchmark(name: "sim-daemonset", summary: "In-process: DaemonSet on [nodes] nodes (default 100), settle, then a full rolling update", run: daemonSet),
         Benchmark(name: "sim-statefulset", summary: "In-process: StatefulSet of [replicas] (default 50), OrderedReady with claims, then a rolling update", run: statefulSet)]
    }

    static func bigCluster(nodes: Int) -> Cluster {
        Cluster(shape: ClusterShape(nodes: (1...nodes).map { ClusterShape.node("node-\($0)", zone: "zone-\($0 % 3)", cpu: "8", memory: "32Gi") }))
    }

    static func daemonSetYAML(image: String) -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "\(image)"}]
        """
    }

    static func daemonSet(_ arguments: [String]) throws {
        let nodes = arguments.first.flatMap(Int.init) ?? 100
        let start = DispatchTime.now().uptimeNanoseconds
        let cluster = bigCluster(nodes: nodes)
        try cluster.apply(yaml: daemonSetYAML(image: "nginx:1.27"))
        try cluster.advanceUntilQuiet()
        let placed = DispatchTime.now().uptimeNanoseconds
        let afterPlacing = cluster.runner.reconcileCount
        try cluster.apply(yaml: daemonSetYAML(image: "nginx:1.26"))
        try cluster.advanceUntilQuiet(cap: .minutes(60))
        let end = DispatchTime.now().uptimeNanoseconds
        let updated = cluster.store.pods.filter { $0.spec?.containers.first?.image == "nginx:1.26" }.count
        print(String(format: "DaemonSet on %d nodes: placed in %.1f ms (%d reconciles); rolling update of %d pods, maxUnavailable 1, in %.1f ms (%d reconciles, %@ virtual)",
                     nodes, Double(placed - start) / 1e6, afterPlacing, updated, Double(end - placed) / 1e6,
                     cluster.runner.reconcileCount - afterPlacing, cluster.now.description))
    }

    static func statefulSetYAML(replicas: Int, image: String) -> String {
        """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: standard}
        provisioner: rancher.io/local-path
        volumeBindingMode: WaitForFirstConsumer
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: nginx
          replicas: \(replicas)
          selector: {matchLabels: {app: nginx}}
          template:
            metadata: {labels: {app: nginx}}
            spec:
              containers: [{name: nginx, image: "\(image)"}]
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: 1Gi}}}
        """
    }

    static func statefulSet(_ arguments: [String]) throws {
        let replicas = arguments.first.flatMap(Int.init) ?? 50
        let start = DispatchTime.now().uptimeNanoseconds
        let cluster = bigCluster(nodes: 20)
        try cluster.apply(yaml: statefulSetYAML(replicas: replicas, image: "nginx:1.27"))
        try cluster.advanceUntilQuiet(cap: .minutes(60))
        let created = DispatchTime.now().uptimeNanoseconds
        let afterCreating = cluster.runner.reconcileCount
        try cluster.apply(yaml: statefulSetYAML(replicas: replicas, image: "nginx:1.26"))
        try cluster.advanceUntilQuiet(cap: .minutes(120))
        let end = DispatchTime.now().uptimeNanoseconds
        print(String(format: "StatefulSet of %d: created one by one in %.1f ms (%d reconciles); rolling update in %.1f ms (%d reconciles, %@ virtual)",
                     replicas, Double(created - start) / 1e6, afterCreating, Double(end - created) / 1e6,
                     cluster.runner.reconcileCount - afterCreating, cluster.now.description))
    }
}
