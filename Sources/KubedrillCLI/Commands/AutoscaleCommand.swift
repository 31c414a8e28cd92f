import ArgumentParser
import KubeModel
import KubeSim

/// `autoscale deployment web --cpu-percent=50 --min=1 --max=10` (kubectl autoscale, v1.33:
/// an autoscaling/v2 HPA named after the target, with a CPU Utilization metric when
/// --cpu-percent is given).
struct AutoscaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "autoscale", abstract: "Create a HorizontalPodAutoscaler for a Deployment, ReplicaSet or StatefulSet (kubectl autoscale).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The target: deployment/web or deployment web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(help: "The lower limit for the number of pods (default: the server's 1).")
    var min: Int32?

    @Option(help: "The upper limit for the number of pods.")
    var max: Int32 = -1

    @Option(name: .customLong("cpu-percent"), help: "The target average CPU utilization, as a percentage of the requests (default: the server's 80%).")
    var cpuPercent: Int32?

    @Option(help: "The name of the HPA (default: the target's name).")
    var name: String?

    func validate() throws {
        if max < 1 { throw ValidationError("--max=MAXPODS is required and must be at least 1, max: \(max)") }
        if let min, min > max { throw ValidationError("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(max), min: \(min)") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        guard ["Deployment", "ReplicaSet", "StatefulSet"].contains(target.kind.kind) else {
            throw ValidationError("cannot autoscale a \(target.kind.kind): deployments, replicasets and statefulsets have a scale subresource")
        }
        var hpa = HorizontalPodAutoscaler()
        hpa.metadata.name = name ?? target.key.name
        hpa.metadata.namespace = namespaces.current
        var spec = HorizontalPodAutoscalerSpec()
        spec.scaleTargetRef.apiVersion = "apps/v1"
        spec.scaleTargetRef.kind = target.kind.kind
        spec.scaleTargetRef.name = target.key.name
        spec.minReplicas = min
        spec.maxReplicas = max
        if let cpuPercent {
            var metric = MetricSpec()
            metric.type = "Resource"
            var source = ResourceMetricSource()
            source.name = "cpu"
            source.target.type = "Utilization"
            source.target.averageUtilization = cpuPercent
            metric.resource = source
            spec.metrics = [metric]
        }
        hpa.spec = spec
        try SimSession.with(global, mutating: true) { cluster in
            guard cluster.get(target.key) != nil else { throw APIError.notFound(target.key) }
            try cluster.create(.horizontalPodAutoscaler(hpa))
            env.out.line("horizontalpodautoscaler.autoscaling/\(hpa.metadata.name ?? "") autoscaled")
        }
    }
}
