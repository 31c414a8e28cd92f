import Foundation
import KubeModel
import KubeSim

/// The HPA and the drain on a large cluster: every 15 s the HPA reads metrics for all the
/// target's pods, and a drain evicts through the PodDisruptionBudget in 1 s steps, so both
/// costs grow with the pods a workload has.
enum AutoscalingBenchmark {
    static var all: [Benchmark] {
        [Benchmark(name: "sim-hpa", summary: "In-process: HPA scaling [replicas] (default 10) pods under load to up to 20× as many, then draining a node under a PDB", run: run)]
    }

    /// Deployment `web` of nginx pods requesting `cpu` (also the CLI tests' workload).
    static func deployment(replicas: Int, cpu: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {replicas: \(replicas), selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}},
               spec: {containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: \(cpu)}}}]}}}
        """
    }

    static func manifests(replicas: Int, max: Int) -> String {
        deployment(replicas: replicas, cpu: "10m") + "\n---\n" + """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: \(max)
          metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          maxUnavailable: 1
          selector: {matchLabels: {app: web}}
        """
    }

    static func run(_ arguments: [String]) throws {
        let replicas = arguments.first.flatMap(Int.init) ?? 10
        let start = DispatchTime.now().uptimeNanoseconds
        let cluster = WorkloadBenchmarks.bigCluster(nodes: 20)
        try cluster.apply(yaml: manifests(replicas: replicas, max: replicas * 20))
        try cluster.advance(by: .seconds(30))
        try cluster.setLoad(ObjectKey(kind: "Deployment", namespace: "default", name: "web"), ["cpu=1000%"])
        try cluster.advance(by: .minutes(5))
        let scaled = DispatchTime.now().uptimeNanoseconds
        let afterScaling = cluster.runner.reconcileCount
        let pods = cluster.store.pods.filter { $0.metadata.labels?["app"] == "web" }.count
        let node = cluster.store.pods.first { $0.metadata.labels?["app"] == "web" }?.spec?.nodeName ?? "node-1"
        let report = try cluster.drainNode(node)
        let end = DispatchTime.now().uptimeNanoseconds
        print(String(format: "HPA: %d → %d pods in %.1f ms (%d reconciles, 5m virtual); drain of %@: %d evicted, %d retries, in %.1f ms (%d reconciles)",
                     replicas, pods, Double(scaled - start) / 1e6, afterScaling, node, report.evicted.count,
                     report.lines.filter { $0.hasPrefix("error when evicting") }.count, Double(end - scaled) / 1e6,
                     cluster.runner.reconcileCount - afterScaling))
    }
}
