import Foundation
import KubeModel
import KubeSim

/// `rollout-1000`: a 1,000-replica Deployment becomes ready, then rolls out a new image until
/// complete (25%/25%); prints the wall time of the rollout alone and the reconciles it took.
/// `rollout-1000 [replicas] [--bound]`: with `--bound` the template names its node, so the
/// scheduler is left out and the figure is the controllers' and kubelets' own cost.
enum RolloutBenchmark {
    static var all: [Benchmark] {
        [Benchmark(name: "rollout-1000", summary: "A 1,000-replica Deployment rolled out to a new image (target < 1 s release)", run: run)]
    }

    static func run(_ arguments: [String]) throws {
        let replicas = arguments.compactMap(Int.init).first ?? 1000
        let bound = arguments.contains("--bound")
        // Twelve workers of 250 pods: room for 1,000 replicas plus the 25% surge.
        let nodes = (1...12).map { ClusterShape.node("worker-\($0)", zone: "zone-\($0 % 3)", cpu: "64", memory: "256Gi", pods: bound && $0 == 1 ? 5000 : 250) }
        let cluster = Cluster(shape: ClusterShape(nodes: nodes))
        try cluster.apply(yaml: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: \(replicas)
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  \(bound ? "nodeName: worker-1" : "")
                  containers: [{name: nginx, image: "nginx:1.27"}]
            """, file: "web.yaml")
        let readyStart = DispatchTime.now().uptimeNanoseconds
        let readyReconciles = cluster.runner.reconcileCount
        try cluster.advanceUntilQuiet()
        let readySeconds = Double(DispatchTime.now().uptimeNanoseconds - readyStart) / 1e9
        let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")
        guard case .deployment(let ready)? = cluster.get(key), ready.status?.availableReplicas == Int32(replicas) else {
            throw UserError("the deployment did not become ready")
        }
        let reconcilesBefore = cluster.runner.reconcileCount
        let virtualStart = cluster.now
        let start = DispatchTime.now().uptimeNanoseconds
        try cluster.setImage(key, [("nginx", "nginx:1.28")])
        try cluster.advanceUntilQuiet()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard case .deployment(let done)? = cluster.get(key), done.status?.updatedReplicas == Int32(replicas),
              done.status?.availableReplicas == Int32(replicas), done.status?.replicas == Int32(replicas) else {
            throw UserError("the rollout did not complete")
        }
        print(String(format: "rollout-%d%@: ready in %.3f s (%d reconciles); rollout to a new image in %.3f s wall, %lld s virtual, %d reconciles  [target < 1 s]",
                     replicas, bound ? " --bound" : "", readySeconds, reconcilesBefore - readyReconciles, seconds, (cluster.now - virtualStart).seconds,
                     cluster.runner.reconcileCount - reconcilesBefore))
    }
}
