import Foundation
import KubeModel
import KubeSim

/// Scheduling throughput with every default plugin, every node filtered and scored, as
/// kube-scheduler's scheduler_perf measures it: pods are scheduled one after another against a
/// cache that assumes each binding (the snapshot is updated, not rebuilt).
enum SchedulerBenchmark {
    static let benchmark = Benchmark(
        name: "scheduler",
        summary: "Pods/s with all default plugins, scoring all nodes: [nodes] [pods...] [--exhaustive] (default 5000 nodes × 10000 and 100000 pods; target ≥ 10,000/s)",
        run: run)

    static func run(_ arguments: [String]) throws {
        let numbers = arguments.compactMap(Int.init)
        let exhaustive = arguments.contains("--exhaustive")
        let nodeCount = numbers.first ?? 5000
        let podCounts = numbers.count > 1 ? Array(numbers.dropFirst()) : [10_000, 100_000]
        let zones = ["zone-a", "zone-b", "zone-c"]
        let nodes = (0..<nodeCount).map { index in
            ClusterShape.node("node-\(index)", zone: zones[index % zones.count], cpu: "32", memory: "128Gi", pods: 110)
        }
        for podCount in podCounts {
            let residentBefore = SimRunBenchmarks.residentBytes()
            let pods = try (0..<podCount).map(makePod)
            let batch = BatchScheduler(snapshot: ClusterSnapshot(nodes: nodes))
            var snapshot = ClusterSnapshot(nodes: nodes)
            var bound = 0
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            for pod in pods {
                let result = exhaustive ? Scheduler().schedule(pod, in: snapshot) : batch.schedule(pod)
                guard case .scheduled(let node, _) = result else { continue }
                var placed = pod
                placed.spec?.nodeName = node
                if exhaustive { snapshot.bind(placed, to: node) } else { batch.bind(placed, to: node) }
                bound += 1
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpu = cpuSeconds() - cpuStart
            let perPod = Double(SimRunBenchmarks.residentBytes() - residentBefore) / Double(podCount)
            print(String(format: "%d nodes × %d pods%@: %d bound in %.2f s = %.0f pods/s (CPU %.2f s = %.0f pods/s)  [target ≥ 10,000 pods/s]; %.1f KiB resident per pod (object + scheduler cache)",
                         nodeCount, podCount, exhaustive ? " (exhaustive)" : "", bound, seconds, Double(podCount) / seconds,
                         cpu, Double(podCount) / cpu, perPod / 1024))
        }
    }

    /// This process's CPU time: on a shared machine wall time also counts other processes' turns.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Pods as a Deployment would make them: requests, a label, a spread constraint on zones
    /// for a third of them, so PodTopologySpread has work to do.
    static func makePod(_ index: Int) throws -> Pod {
        var pod = Pod()
        pod.metadata.name = "pod-\(index)"
        pod.metadata.namespace = "default"
        pod.metadata.labels = ["app": "app-\(index % 10)"]
        var container = Container()
        container.name = "app"
        container.image = "nginx:1.27"
        var requirements = ResourceRequirements()
        requirements.requests = ["cpu": try Quantity(parsing: "100m"), "memory": try Quantity(parsing: "128Mi")]
        container.resources = requirements
        var spec = PodSpec()
        spec.containers = [container]
        if index % 3 == 0 {
            var constraint = TopologySpreadConstraint()
            constraint.maxSkew = 1
            constraint.topologyKey = "topology.kubernetes.io/zone"
            constraint.whenUnsatisfiable = "ScheduleAnyway"
            var selector = LabelSelector()
            selector.matchLabels = ["app": "app-\(index % 10)"]
            constraint.labelSelector = selector
            spec.topologySpreadConstraints = [constraint]
        }
        pod.spec = spec
        return pod
    }
}
