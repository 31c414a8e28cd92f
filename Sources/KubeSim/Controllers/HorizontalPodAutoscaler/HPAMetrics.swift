import KubeModel

/// `computeReplicasForMetrics` (horizontal.go v1.33): a proposal per metric, the largest wins;
/// failures become the ScalingActive condition with upstream's wording. Only resource metrics
/// exist here (metrics-server's, from `MetricsServer`); custom and external metrics have no API.
struct HPAMetrics {
    let target: ScaleTarget
    let namespace: String
    let store: Store
    let now: VirtualTime

    struct Outcome {
        /// nil when no proposal may be acted on (all metrics failed, or some failed on a scale-down).
        var replicas: Int32?
        var metricName = ""
        var statuses: [MetricStatus] = []
        /// The FailedComputeMetricsReplicas event's text.
        var failure: String?
        /// Metrics that failed (each with its Warning event), also when the others gave a proposal.
        var failedCount = 0
    }

    private struct Failure: Error {
        let reason: String
        /// The error as the condition and the reason's event word it.
        let inner: String
        /// The error as computeReplicasForMetric returns it.
        let wrapped: String
    }

    func compute(_ specs: [MetricSpec], current: Int32, conditions: inout HPAConditions,
                 event: (String, String, String) -> Void) -> Outcome {
        guard let selector = target.selector, !selector.isEmpty else {
            event("Warning", "SelectorRequired", "selector is required")
            conditions.set("ScalingActive", false, "InvalidSelector", "the HPA target's scale is missing a selector")
            return Outcome(failure: "selector is required")
        }
        let pods = target.pods(in: store)
        var outcome = Outcome()
        var proposal: Int32 = 0
        var failures: [Failure] = []
        for spec in specs {
            do {
                let (replicas, name, status) = try self.proposal(for: spec, pods: pods, current: current)
                outcome.statuses.append(status)
                if proposal == 0 || replicas > proposal { (proposal, outcome.metricName) = (replicas, name) }
            } catch let failure as Failure {
                outcome.statuses.append(MetricStatus())
                event("Warning", failure.reason, failure.inner)
                failures.append(failure)
            } catch {
                outcome.statuses.append(MetricStatus())
            }
        }
        outcome.failedCount = failures.count
        if let first = failures.first, failures.count >= specs.count || proposal < current {
            conditions.set("ScalingActive", false, first.reason, "the HPA was unable to compute the replica count: \(first.inner)")
            outcome.failure = "invalid metrics (\(failures.count) invalid out of \(specs.count)), first error is: \(first.wrapped)"
            return outcome
        }
        conditions.set("ScalingActive", true, "ValidMetricFound", "the HPA was able to successfully calculate a replica count from \(outcome.metricName)")
        outcome.replicas = proposal
        return outcome
    }

    /// False when time alone will change a CPU metric's proposal: a sample still inside its
    /// readiness window or initialization period (`ReplicaCalculator.isSettled`).
    func holdsOverTime(_ specs: [MetricSpec]) -> Bool {
        guard specs.contains(where: { $0.type == "Resource" && $0.resource?.name == "cpu" }) else { return true }
        let pods = target.pods(in: store)
        return ReplicaCalculator(pods: pods, metrics: metrics("cpu", pods), resource: "cpu", now: now).isSettled
    }

    private func proposal(for spec: MetricSpec, pods: [Pod], current: Int32) throws -> (Int32, String, MetricStatus) {
        guard spec.type == "Resource", let source = spec.resource else {
            let (reason, what) = Self.unsupported[spec.type] ?? ("InvalidMetricSourceType", "unknown metric source type \"\(spec.type)\"")
            throw Failure(reason: reason, inner: what, wrapped: what)
        }
        let resource = source.name
        let calculator = ReplicaCalculator(pods: pods, metrics: metrics(resource, pods), resource: resource, now: now)
        var status = MetricStatus()
        status.type = "Resource"
        var resourceStatus = ResourceMetricStatus()
        resourceStatus.name = resource
        let wrap = { (inner: String) in
            Failure(reason: "FailedGetResourceMetric", inner: inner, wrapped: "failed to get \(resource) resource metric value: \(inner)")
        }
        if let average = source.target.averageValue {
            do {
                let result = try calculator.averageValueReplicas(current: current, targetAverage: average.milliValue)
                resourceStatus.current.averageValue = Quantity(milli: result.average)
                status.resource = resourceStatus
                return (result.replicas, "\(resource) resource", status)
            } catch let failure as ReplicaCalculator.Failure {
                throw wrap("failed to get \(resource) usage: \(failure.message)")
            }
        }
        guard let utilization = source.target.averageUtilization else {
            throw wrap("invalid resource metric source: neither an average utilization target nor an average value (usage) target was set")
        }
        do {
            let result = try calculator.utilizationReplicas(current: current, targetUtilization: utilization)
            resourceStatus.current.averageUtilization = result.utilization
            resourceStatus.current.averageValue = Quantity(milli: result.average)
            status.resource = resourceStatus
            return (result.replicas, "\(resource) resource utilization (percentage of request)", status)
        } catch let failure as ReplicaCalculator.Failure {
            throw wrap("failed to get \(resource) utilization: \(failure.message)")
        }
    }

    /// The metric types that need an adapter the simulator does not run.
    private static let unsupported: [String: (String, String)] = [
        "Pods": ("FailedGetPodsMetric", "unable to get pods metric: the simulated cluster has no custom metrics API"),
        "Object": ("FailedGetObjectMetric", "unable to get object metric: the simulated cluster has no custom metrics API"),
        "External": ("FailedGetExternalMetric", "unable to get external metric: the simulated cluster has no external metrics API"),
        "ContainerResource": ("FailedGetContainerResourceMetric", "unable to get container metric: the simulated metrics-server reports whole pods only"),
    ]

    /// metrics-server's values in milli-units: millicores, or thousandths of a byte.
    private func metrics(_ resource: String, _ pods: [Pod]) -> [String: Int64] {
        MetricsServer.usages(of: pods.filter(MetricsServer.hasMetrics), in: store)
            .mapValues { resource == "cpu" ? $0.cpuMilli : $0.memoryBytes * 1000 }
    }
}
