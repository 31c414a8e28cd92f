import KubeModel

/// The delay before a failed pod is replaced (pkg/controller/job/backoff_utils.go, v1.33):
/// 10 s after the first failure since the last success, doubling with each further one, capped
/// at six minutes (https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy).
/// Upstream keeps the failure count in memory, fed by newly finished pods; here it is read back
/// from the Job's failed pods each sync, so the store stays the only state.
enum JobBackoff {
    static let initial: Int64 = 10
    static let maximum: Int64 = 360

    /// `getRemainingTimeForFailuresCount`: how long until a replacement may be created (zero when now).
    static func remaining(pods: [Pod], at now: VirtualTime) -> VirtualDuration {
        let lastSuccess = pods.filter { $0.status?.phase == "Succeeded" }.map { finishTime($0, now: now) }.max()
        // Failures a pod failure policy ignores back off too (upstream replaces them at once);
        // a simulated container can fail at the instant it starts, and would loop at one instant.
        let failures = pods.filter { $0.status?.phase == "Failed" }
            .map { finishTime($0, now: now) }.filter { failure in lastSuccess.map { failure > $0 } ?? true }
        guard let lastFailure = failures.max() else { return .seconds(0) }
        let delay = delay(afterFailures: failures.count)
        return .seconds(max(0, (lastFailure + .seconds(delay) - now).seconds))
    }

    /// 10 s · 2^(failures−1), at most `maximum`.
    static func delay(afterFailures count: Int) -> Int64 {
        guard count > 0 else { return 0 }
        var delay = initial
        for _ in 1..<count {
            delay *= 2
            if delay >= maximum { return maximum }
        }
        return delay
    }

    /// `getFinishedTime`: the latest container finish, else the Ready condition's last
    /// transition, else the deletion time, else now.
    static func finishTime(_ pod: Pod, now: VirtualTime) -> VirtualTime {
        let statuses = (pod.status?.containerStatuses ?? []) + (pod.status?.initContainerStatuses ?? [])
        if let finished = statuses.compactMap({ $0.state?.terminated?.finishedAt.flatMap(VirtualTime.init(rfc3339:)) }).max() {
            return finished
        }
        if let ready = PodConditions.readyCondition(pod)?.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) { return ready }
        return pod.metadata.deletionTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
    }
}
