import KubeModel

/// Job conditions as v1.33 writes them (pkg/controller/job/job_controller.go `newCondition`,
/// `newFailedConditionForFailureTarget`; https://kubernetes.io/docs/concepts/workloads/controllers/job/#terminal-job-conditions):
/// a Job that has failed first gets `FailureTarget`, one that has succeeded `SuccessCriteriaMet`;
/// the terminal `Failed` or `Complete` condition (same reason and message) follows once none of
/// its pods is still terminating.
enum JobConditions {
    static let complete = "Complete"
    static let failed = "Failed"
    static let failureTarget = "FailureTarget"
    static let successCriteriaMet = "SuccessCriteriaMet"
    static let suspended = "Suspended"

    static let backoffLimitExceeded = (reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
    static let deadlineExceeded = (reason: "DeadlineExceeded", message: "Job was active longer than specified deadline")
    static let completionsReached = (reason: "CompletionsReached", message: "Reached expected number of succeeded pods")
    static let podFailurePolicyReason = "PodFailurePolicy"

    // Read through the status box: `job.status?.conditions` copied the whole status out first.
    static func condition(_ job: Job, _ type: String) -> JobCondition? {
        job.$status.read(\.conditions)?.first { $0.type == type }
    }

    /// The first condition of `type` says True (looked at where it lies, not copied out).
    static func isTrue(_ job: Job, _ type: String) -> Bool {
        guard let conditions = job.$status.read(\.conditions), let index = conditions.firstIndex(where: { $0.type == type }) else { return false }
        return conditions[index].status == "True"
    }

    /// `IsJobFinished`: a true Complete or Failed condition.
    static func isFinished(_ job: Job) -> Bool { isTrue(job, complete) || isTrue(job, failed) }

    /// When the Job finished (the terminal condition's lastTransitionTime), for the TTL controller.
    static func finishTime(_ job: Job) -> VirtualTime? {
        (job.status?.conditions ?? []).last { ($0.type == complete || $0.type == failed) && $0.status == "True" }
            .flatMap { $0.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) }
    }

    static func make(_ type: String, status: String = "True", reason: String, message: String, at now: VirtualTime) -> JobCondition {
        var condition = JobCondition()
        condition.type = type
        condition.status = status
        condition.reason = reason
        condition.message = message
        let stamp = now.rfc3339  // one string for both
        condition.lastProbeTime = stamp
        condition.lastTransitionTime = stamp
        return condition
    }

    /// `ensureJobConditionStatus`: adds the condition, or updates it when its status changed
    /// (a condition already in that status keeps its times).
    static func set(_ condition: JobCondition, in status: inout JobStatus) {
        // Edited in place: a copy of the list taken out and written back copied every condition.
        guard let index = status.conditions?.firstIndex(where: { $0.type == condition.type }) else {
            if status.conditions == nil { status.conditions = [condition] } else { status.conditions?.append(condition) }
            return
        }
        if status.conditions?[index].status != condition.status { status.conditions?[index] = condition }
    }
}
