import Foundation
import KubeModel

/// Desired replicas from resource metrics (pkg/controller/podautoscaler/replica_calculator.go,
/// v1.33 `GetResourceReplicas`, `GetRawResourceReplicas`, `groupPods`, `calculateRequests`;
/// metrics/utilization.go `GetResourceUtilizationRatio`, `GetMetricUsageRatio`). Values are
/// milli-units, as upstream: millicores for cpu, thousandths of a byte for memory.
struct ReplicaCalculator {
    /// `--horizontal-pod-autoscaler-tolerance`: no scaling while the ratio is within 10% of 1.
    static let tolerance = 0.1
    /// `--horizontal-pod-autoscaler-cpu-initialization-period`.
    static let cpuInitializationPeriod = VirtualDuration.minutes(5)
    /// `--horizontal-pod-autoscaler-initial-readiness-delay`.
    static let delayOfInitialReadinessStatus = VirtualDuration.seconds(30)

    /// The pods the target's selector matches, every phase.
    let pods: [Pod]
    /// metrics-server's values per pod name (only pods it reports).
    let metrics: [String: Int64]
    let resource: String
    let now: VirtualTime

    struct Failure: Error { let message: String }

    /// `GetResourceReplicas`: replicas, utilization (percent of request) and average value.
    func utilizationReplicas(current: Int32, targetUtilization: Int32) throws -> (replicas: Int32, utilization: Int32, average: Int64) {
        let (groups, ready) = try readyMetrics()
        var metrics = ready
        let requests = try podRequests()
        let (ratio, utilization, average) = try Self.utilizationRatio(metrics, requests, target: targetUtilization)
        let scaleUpWithUnready = !groups.unready.isEmpty && ratio > 1
        if !scaleUpWithUnready, groups.missing.isEmpty {
            if abs(1 - ratio) <= Self.tolerance { return (current, utilization, average) }
            return (Int32((ratio * Double(groups.readyCount)).rounded(.up)), utilization, average)
        }
        if !groups.missing.isEmpty {
            // On a scale-down missing pods count as using all of their request (or the target
            // when above 100%), on a scale-up as using nothing.
            let fallback = Int64(max(100, targetUtilization))
            for name in groups.missing where ratio != 1 { metrics[name] = ratio < 1 ? (requests[name] ?? 0) * fallback / 100 : 0 }
        }
        if scaleUpWithUnready { for name in groups.unready { metrics[name] = 0 } }
        let (newRatio, _, _) = try Self.utilizationRatio(metrics, requests, target: targetUtilization)
        return (rebalanced(current: current, ratio: ratio, newRatio: newRatio, count: metrics.count), utilization, average)
    }

    /// `GetRawResourceReplicas` (`calcPlainMetricReplicas`): replicas and average value.
    func averageValueReplicas(current: Int32, targetAverage: Int64) throws -> (replicas: Int32, average: Int64) {
        let (groups, ready) = try readyMetrics()
        var metrics = ready
        let (ratio, average) = Self.usageRatio(metrics, target: targetAverage)
        let scaleUpWithUnready = !groups.unready.isEmpty && ratio > 1
        if !scaleUpWithUnready, groups.missing.isEmpty {
            if abs(1 - ratio) <= Self.tolerance { return (current, average) }
            return (Int32((ratio * Double(groups.readyCount)).rounded(.up)), average)
        }
        // Missing pods use exactly the target on a scale-down, nothing on a scale-up.
        for name in groups.missing where ratio != 1 { metrics[name] = ratio < 1 ? targetAverage : 0 }
        if scaleUpWithUnready { for name in groups.unready { metrics[name] = 0 } }
        let (newRatio, _) = Self.usageRatio(metrics, target: targetAverage)
        if abs(1 - newRatio) <= Self.tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1) { return (current, average) }
        return (Int32((newRatio * Double(metrics.count)).rounded(.up)), average)
    }

    /// The pods grouped, and the metrics of the ready ones; fails as upstream when there are none.
    private func readyMetrics() throws -> (groups: (readyCount: Int, unready: Set<String>, missing: Set<String>, ignored: Set<String>), metrics: [String: Int64]) {
        guard !metrics.isEmpty else { throw Failure(message: "unable to get metrics for resource \(resource): no metrics returned from resource metrics API") }
        guard !pods.isEmpty else { throw Failure(message: "no pods returned by selector while calculating replica count") }
        let groups = groupPods()
        let ready = metrics.filter { !groups.ignored.contains($0.key) && !groups.unready.contains($0.key) }
        guard !ready.isEmpty else { throw Failure(message: "did not receive metrics for targeted pods (pods might be unready)") }
        return (groups, ready)
    }

    /// The second pass once unready and missing pods are filled in: no change when it falls
    /// within tolerance or would turn the direction of scaling around.
    private func rebalanced(current: Int32, ratio: Double, newRatio: Double, count: Int) -> Int32 {
        if abs(1 - newRatio) <= Self.tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1) { return current }
        let replicas = Int32((newRatio * Double(count)).rounded(.up))
        if (newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current) { return current }
        return replicas
    }

    /// `groupPods`: deleted and failed pods are ignored; pending pods, and for cpu pods not yet
    /// ready or sampled less than a window after turning ready (within the initialization
    /// period), are unready; pods without metrics are missing; the rest count as ready.
    func groupPods(at time: VirtualTime? = nil) -> (readyCount: Int, unready: Set<String>, missing: Set<String>, ignored: Set<String>) {
        var readyCount = 0
        var unready = Set<String>(), missing = Set<String>(), ignored = Set<String>()
        for pod in pods {
            let name = pod.metadata.name ?? ""
            if pod.metadata.deletionTimestamp != nil || pod.status?.phase == "Failed" { ignored.insert(name); continue }
            if pod.status?.phase == "Pending" { unready.insert(name); continue }
            guard metrics[name] != nil else { missing.insert(name); continue }
            if resource == "cpu", isUnreadyForCPU(pod, at: time ?? now) { unready.insert(name); continue }
            readyCount += 1
        }
        return (readyCount, unready, missing, ignored)
    }

    /// True when time alone will not regroup the pods: every CPU sample is past the window
    /// after its readiness transition and every pod past its initialization period, or is
    /// grouped then as it is now. A pod's verdict switches at most once (at the end of its
    /// window or of its initialization period), so equal ends mean no switch between them.
    var isSettled: Bool {
        resource != "cpu" || groupPods() == groupPods(at: now + Self.cpuInitializationPeriod + MetricsServer.window)
    }

    private func isUnreadyForCPU(_ pod: Pod, at now: VirtualTime) -> Bool {
        guard let condition = PodConditions.readyCondition(pod),
              let started = pod.status?.startTime.flatMap(VirtualTime.init(rfc3339:)) else { return true }
        let transition = condition.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) ?? started
        if started + Self.cpuInitializationPeriod > now {
            // The sample is taken now; it must cover a whole window since the last transition.
            return condition.status == "False" || now < transition + MetricsServer.window
        }
        return condition.status == "False" && started + Self.delayOfInitialReadinessStatus > transition
    }

    /// `calculatePodRequestsFromContainers`: the sum over containers and restartable init
    /// containers; a container without a request for the resource is an error.
    func podRequests() throws -> [String: Int64] {
        var requests: [String: Int64] = [:]
        for pod in pods.sorted(by: { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }) {
            let sidecars = (pod.spec?.initContainers ?? []).filter { $0.restartPolicy == "Always" }
            var sum: Int64 = 0
            for container in (pod.spec?.containers ?? []) + sidecars {
                guard let request = container.resources?.requests?[resource] else {
                    throw Failure(message: "missing request for \(resource) in container \(container.name) of Pod \(pod.metadata.name ?? "")")
                }
                sum += request.milliValue
            }
            requests[pod.metadata.name ?? ""] = sum
        }
        return requests
    }

    /// `GetResourceUtilizationRatio`: utilization is the integer percentage of the summed
    /// requests; the ratio compares it with the target.
    static func utilizationRatio(_ metrics: [String: Int64], _ requests: [String: Int64], target: Int32) throws -> (Double, Int32, Int64) {
        var metricsTotal: Int64 = 0, requestsTotal: Int64 = 0, entries: Int64 = 0
        for (name, value) in metrics {
            guard let request = requests[name] else { continue }
            metricsTotal += value
            requestsTotal += request
            entries += 1
        }
        guard requestsTotal > 0 else { throw Failure(message: "no metrics returned matched known pods") }
        let utilization = Int32(metricsTotal * 100 / requestsTotal)
        return (Double(utilization) / Double(target), utilization, metricsTotal / entries)
    }

    /// `GetMetricUsageRatio`: the average over the pods against the target average.
    static func usageRatio(_ metrics: [String: Int64], target: Int64) -> (Double, Int64) {
        let average = metrics.values.reduce(0, +) / Int64(max(metrics.count, 1))
        return (Double(average) / Double(target), average)
    }
}
