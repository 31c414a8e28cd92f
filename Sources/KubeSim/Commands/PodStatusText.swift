import KubeModel

/// kubectl's STATUS, READY and RESTARTS columns for a pod, from `printPod` in
/// k8s.io/kubernetes/pkg/printers/internalversion/printers.go (v1.33): the last container's
/// waiting or terminated reason wins, init containers show `Init:<reason>` or `Init:1/2`,
/// `Completed` with a container still running reads `Running`, a deleting pod `Terminating`.
public enum PodStatusText {
    public static func status(_ pod: Pod) -> String {
        var reason = pod.status?.reason ?? pod.status?.phase ?? "Pending"
        let initStatuses = pod.status?.initContainerStatuses ?? []
        let initCount = pod.spec?.initContainers?.count ?? 0
        var initializing = false
        for (index, status) in initStatuses.enumerated() {
            if let terminated = status.state?.terminated, terminated.exitCode == 0 { continue }
            initializing = true
            if let terminated = status.state?.terminated {
                reason = (terminated.reason ?? "").isEmpty ? (terminated.signal.map { "Init:Signal:\($0)" } ?? "Init:ExitCode:\(terminated.exitCode)") : "Init:" + (terminated.reason ?? "")
            } else if let waiting = status.state?.waiting?.reason, !waiting.isEmpty, waiting != "PodInitializing" {
                reason = "Init:" + waiting
            } else {
                reason = "Init:\(index)/\(initCount)"
            }
            break
        }
        if !initializing {
            var hasRunning = false
            for status in (pod.status?.containerStatuses ?? []).reversed() {
                if let waiting = status.state?.waiting?.reason, !waiting.isEmpty {
                    reason = waiting
                } else if let terminated = status.state?.terminated {
                    reason = (terminated.reason ?? "").isEmpty ? (terminated.signal.map { "Signal:\($0)" } ?? "ExitCode:\(terminated.exitCode)") : (terminated.reason ?? "")
                } else if status.ready, status.state?.running != nil {
                    hasRunning = true
                }
            }
            if reason == "Completed", hasRunning {
                let ready = pod.status?.conditions?.first { $0.type == "Ready" }?.status == "True"
                reason = ready ? "Running" : "NotReady"
            }
        }
        if pod.metadata.deletionTimestamp != nil {
            reason = pod.status?.reason == "NodeLost" ? "Unknown" : "Terminating"
        }
        return reason
    }

    public static func ready(_ pod: Pod) -> String {
        let statuses = pod.status?.containerStatuses ?? []
        return "\(statuses.filter(\.ready).count)/\(pod.spec?.containers.count ?? statuses.count)"
    }

    /// `3 (25s ago)` when a container has restarted, else `0`.
    public static func restarts(_ pod: Pod, now: VirtualTime) -> String {
        let statuses = (pod.status?.initContainerStatuses ?? []) + (pod.status?.containerStatuses ?? [])
        let count = statuses.reduce(0) { $0 + Int($1.restartCount) }
        let last = statuses.compactMap { $0.lastState?.terminated?.finishedAt }.compactMap { VirtualTime(rfc3339: $0) }.max()
        guard count > 0, let last else { return String(count) }
        return "\(count) (\(Age.human(now - last)) ago)"
    }
}
