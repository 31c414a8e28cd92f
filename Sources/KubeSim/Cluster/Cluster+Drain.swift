import KubeModel

/// What `kubectl drain` printed after `node/<name> cordoned`, and what it evicted.
public struct DrainReport: Equatable, Sendable {
    public var lines: [String] = []
    /// Evicted pods as `namespace/name`, in the order their deletion completed.
    public var evicted: [String] = []
    /// kubectl's error when the drain did not finish (`global timeout reached`).
    public var failure: String?
}

extension Cluster {
    /// kubectl drain's defaults: a refused eviction is retried after 5 s, deletion is polled every second.
    static let evictionRetry = VirtualDuration.seconds(5)
    static let deletionPoll = VirtualDuration.seconds(1)

    /// `kubectl drain` (k8s.io/kubectl/pkg/drain, v1.33): cordons, refuses pods without a
    /// controller unless `force` and DaemonSet pods unless `ignoreDaemonSets` (which then stay),
    /// and pods with emptyDir volumes unless `deleteEmptyDirData`, skips mirror pods, then evicts the rest through the eviction API, retrying those a
    /// PodDisruptionBudget protects every 5 s and waiting for each evicted pod to be gone, all on
    /// the virtual clock. kubectl waits forever by default; `timeout` bounds the simulated wait.
    public func drainNode(_ name: String, force: Bool = false, ignoreDaemonSets: Bool = false, deleteEmptyDirData: Bool = false,
                          timeout: VirtualDuration = .minutes(10)) throws -> DrainReport {
        guard case .node(var node)? = store.get(.node(name)) else { throw APIError.notFound(.node(name)) }
        let pods = store.pods.filter { $0.spec?.nodeName == name && $0.metadata.deletionTimestamp == nil }
            .filter { $0.metadata.annotations?["kubernetes.io/config.mirror"] == nil }
        let bare = pods.filter { ControllerRef.of(.pod($0)) == nil }
        let daemons = pods.filter { ControllerRef.of(.pod($0))?.kind == "DaemonSet" }
        // localStorageFilter: an emptyDir's data dies with the pod, so kubectl asks first.
        let local = pods.filter { pod in !daemons.contains(pod) && (pod.spec?.volumes ?? []).contains { $0.emptyDir != nil } }
        var problems: [String] = []
        if !bare.isEmpty, !force {
            problems.append("cannot delete Pods that declare no controller (use --force to override): " + bare.map(Self.podName).joined(separator: ", "))
        }
        if !daemons.isEmpty, !ignoreDaemonSets {
            problems.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + daemons.map(Self.podName).joined(separator: ", "))
        }
        if !local.isEmpty, !deleteEmptyDirData {
            problems.append("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + local.map(Self.podName).joined(separator: ", "))
        }
        var spec = node.spec ?? NodeSpec()
        spec.unschedulable = true
        node.spec = spec
        store.updateStatus(.node(node))
        try settle()
        if !problems.isEmpty {
            throw APIError(reason: "BadRequest", message: "unable to drain node \"\(name)\" due to error: " + problems.joined(separator: ", "))
        }
        var report = DrainReport()
        if !daemons.isEmpty { report.lines.append("Warning: ignoring DaemonSet-managed Pods: " + daemons.map(Self.podName).joined(separator: ", ")) }
        if !bare.isEmpty { report.lines.append("Warning: deleting Pods that declare no controller: " + bare.map(Self.podName).joined(separator: ", ")) }
        if !local.isEmpty { report.lines.append("Warning: deleting Pods with local storage: " + local.map(Self.podName).joined(separator: ", ")) }
        let toEvict = pods.filter { !daemons.contains($0) }
        try evictAll(toEvict, node: name, deadline: now + timeout, timeout: timeout, into: &report)
        return report
    }

    /// kubectl's `evictPods`: one eviction loop per pod, interleaved here in name order at each instant.
    private func evictAll(_ pods: [Pod], node: String, deadline: VirtualTime, timeout: VirtualDuration, into report: inout DrainReport) throws {
        var retryAt = Dictionary(pods.map { (Self.podName($0), now) }, uniquingKeysWith: { first, _ in first })
        var waiting: [String: String] = [:]  // namespace/name → uid of the evicted pod
        let byName = Dictionary(pods.map { (Self.podName($0), $0) }, uniquingKeysWith: { first, _ in first })
        while true {
            for name in retryAt.keys.sorted() where (retryAt[name] ?? now) <= now {
                guard let pod = byName[name] else { continue }
                let namespace = pod.metadata.namespace ?? "default", podName = pod.metadata.name ?? ""
                report.lines.append("evicting pod \(name)")
                do {
                    try evict(.pod(podName, namespace: namespace))
                    retryAt[name] = nil
                    waiting[name] = pod.metadata.uid ?? ""
                } catch let error as APIError where error.reason == "TooManyRequests" {
                    report.lines.append("error when evicting pods/\"\(podName)\" -n \"\(namespace)\" (will retry after 5s): \(error.message)")
                    retryAt[name] = now + Self.evictionRetry
                }
                try settle()
            }
            for (name, uid) in waiting.sorted(by: { $0.key < $1.key }) {
                guard let pod = byName[name] else { continue }
                let live = store.get(.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
                if live == nil || live?.meta.uid != uid {
                    report.lines.append("pod/\(pod.metadata.name ?? "") evicted")
                    report.evicted.append(name)
                    waiting[name] = nil
                }
            }
            if retryAt.isEmpty, waiting.isEmpty { return }
            if now >= deadline {
                let stuck = (retryAt.keys.sorted() + waiting.keys.sorted()).compactMap { byName[$0] }.map { pod in
                    "error when evicting pods/\"\(pod.metadata.name ?? "")\" -n \"\(pod.metadata.namespace ?? "default")\": global timeout reached: \(GoDuration.format(seconds: Int(timeout.seconds)))"
                }
                let errors = stuck.count == 1 ? stuck[0] : "[" + stuck.joined(separator: ", ") + "]"
                report.failure = "unable to drain node \"\(node)\" due to error: \(errors), continuing command..."
                return
            }
            try advance(by: Self.deletionPoll)
        }
    }
}
