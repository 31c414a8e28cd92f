import KubeModel

/// One `syncJob` pass over a Job that has not finished.
struct JobSync {
    let job: Job
    let client: ControllerClient
    let now: VirtualTime
    let jobPods: JobPods
    var status: JobStatus
    var succeededIndexes = Set<Int32>()
    var succeeded: Int32
    var failed: Int32
    var requeue: VirtualDuration?
    /// `terminatingCount()` as of a revision of the Pod kind.
    private var terminating: (revision: Int64, count: Int)?

    /// `object` is the Job as stored (what its pods' controller reference and Events name;
    /// wrapping `job` again copied it into a new box).
    init(job: Job, object: KubeObject, client: ControllerClient, now: VirtualTime) {
        self.job = job
        self.client = client
        self.now = now
        spec = job.spec ?? JobSpec()
        owner = object
        jobPods = JobPods(job: job, podControl: PodControl(client, component: JobPods.component), client: client)
        status = job.status ?? JobStatus()
        succeeded = status.succeeded ?? 0
        failed = status.failed ?? 0
    }

    /// Read once: each `job.spec ?? JobSpec()` copied the whole pod template.
    let spec: JobSpec
    var isIndexed: Bool { spec.completionMode == "Indexed" }
    let owner: KubeObject

    mutating func run() -> ReconcileResult {
        // A generated selector matches only this Job's uid, so no orphan can be adopted and its
        // own pods are all there is to claim; a manual selector is claimed over the namespace.
        let candidates = spec.manualSelector == true ? client.store.list(kind: "Pod", namespace: job.metadata.namespace ?? "default")
            : client.store.dependents(ofUID: job.metadata.uid ?? "")
        let pods = ControllerRef.claim(candidates.filter { $0.kind == "Pod" }, for: owner, selector: spec.selector, in: client).compactMap(\.pod)
        let failJobMessage = countFinishedPods(pods)
        var active = pods.filter(PodConditions.isActive)
        if let target = finishedCondition(failJobMessage: failJobMessage, active: active) {
            finish(target, active: active)
            active = []
        } else if spec.suspend == true {
            suspend(active)
            active = []
        } else {
            resumeIfSuspended()
            if status.startTime == nil { status.startTime = client.store.rfc3339(now) }
            active += manage(pods: pods, active: active)
            if let deadline = spec.activeDeadlineSeconds, let start = status.startTime.flatMap(VirtualTime.init(rfc3339:)) {
                requeue(after: start + .seconds(deadline) - now)
            }
        }
        writeStatus(active: active)
        return requeue.map { .requeue(after: $0) } ?? .done
    }

    /// Adds the pods that finished, or are being deleted, since the last sync to the counts
    /// (`trackJobStatusAndRemoveFinalizers`: a terminating pod counts as failed) and removes
    /// their tracking finalizer; failures the pod failure policy ignores are not counted.
    /// Returns the message of a FailJob rule that matched.
    private mutating func countFinishedPods(_ pods: [Pod]) -> String? {
        let completions = spec.completions ?? 0
        if isIndexed {
            succeededIndexes = IndexedJobUtils.parse(status.completedIndexes, completions: completions)
        }
        var failJobMessage: String?
        for pod in pods where JobPods.isTracked(pod) {
            let phase = pod.$status.read(\.phase)
            if phase == "Succeeded" {
                if isIndexed {
                    if let index = IndexedJobUtils.index(of: pod, completions: completions) { succeededIndexes.insert(index) }
                } else {
                    succeeded += 1
                }
            } else if phase == "Failed" || pod.metadata.deletionTimestamp != nil {
                switch PodFailurePolicy.match(pod, job: job) {
                case let (action, message)? where action == .failJob:
                    failJobMessage = failJobMessage ?? message
                    failed += 1
                case let (action, _)? where action == .ignore:
                    break
                default:
                    failed += 1
                }
            } else {
                continue
            }
            jobPods.removeTrackingFinalizer(pod)
        }
        if isIndexed { succeeded = Int32(succeededIndexes.count) }
        return failJobMessage
    }

    /// The condition that ends the Job, if anything does, in upstream's order: an interim
    /// condition already set, a FailJob rule, the backoff limit, the active deadline, success.
    private func finishedCondition(failJobMessage: String?, active: [Pod]) -> JobCondition? {
        if let target = JobConditions.condition(job, JobConditions.failureTarget), target.status == "True" { return target }
        if let met = JobConditions.condition(job, JobConditions.successCriteriaMet), met.status == "True" { return met }
        if let failJobMessage {
            return JobConditions.make(JobConditions.failureTarget, reason: JobConditions.podFailurePolicyReason, message: failJobMessage, at: now)
        }
        if failed > spec.backoffLimit ?? 6 || pastBackoffLimitOnFailure(active) {
            let (reason, message) = JobConditions.backoffLimitExceeded
            return JobConditions.make(JobConditions.failureTarget, reason: reason, message: message, at: now)
        }
        if pastActiveDeadline {
            let (reason, message) = JobConditions.deadlineExceeded
            return JobConditions.make(JobConditions.failureTarget, reason: reason, message: message, at: now)
        }
        let complete: Bool
        if let completions = spec.completions {
            complete = succeeded >= completions
        } else {
            // A work queue (no completions) is done once a pod succeeded and none is left running.
            complete = succeeded > 0 && active.isEmpty
        }
        guard complete else { return nil }
        let (reason, message) = JobConditions.completionsReached
        return JobConditions.make(JobConditions.successCriteriaMet, reason: reason, message: message, at: now)
    }

    /// `pastBackoffLimitOnFailure`: with restartPolicy OnFailure the kubelet restarts failed
    /// containers in place, so their restarts count against the limit.
    private func pastBackoffLimitOnFailure(_ active: [Pod]) -> Bool {
        guard spec.template.spec?.restartPolicy == "OnFailure" else { return false }
        var restarts: Int32 = 0
        for pod in active where pod.status?.phase == "Running" || pod.status?.phase == "Pending" || pod.status?.phase == nil {
            for container in (pod.status?.initContainerStatuses ?? []) + (pod.status?.containerStatuses ?? []) { restarts += container.restartCount }
        }
        let limit = spec.backoffLimit ?? 6
        return limit == 0 ? restarts > 0 : restarts >= limit
    }

    /// `pastActiveDeadline`: not while suspended (the deadline counts continuous activity).
    private var pastActiveDeadline: Bool {
        guard let deadline = spec.activeDeadlineSeconds, spec.suspend != true,
              let start = status.startTime.flatMap(VirtualTime.init(rfc3339:)) else { return false }
        return (now - start).seconds >= deadline
    }

    /// The interim condition is recorded and active pods are deleted (counting as failed);
    /// the terminal condition follows once no pod is terminating (v1.33 delays it until then).
    private mutating func finish(_ target: JobCondition, active: [Pod]) {
        JobConditions.set(target, in: &status)
        failed += Int32(active.filter(JobPods.isTracked).count)
        jobPods.delete(active)
        guard terminatingCount() == 0 else { return }
        let isSuccess = target.type == JobConditions.successCriteriaMet
        let terminal = JobConditions.make(isSuccess ? JobConditions.complete : JobConditions.failed,
                                          reason: target.reason ?? "", message: target.message ?? "", at: now)
        JobConditions.set(terminal, in: &status)
        if isSuccess {
            status.completionTime = client.store.rfc3339(now)
            client.event("Normal", "Completed", "Job completed", on: owner, component: JobPods.component)
        } else {
            client.event("Warning", terminal.reason ?? "", terminal.message ?? "", on: owner, component: JobPods.component)
        }
    }

    /// `spec.suspend: true` deletes the active pods, which do not count as failures.
    private mutating func suspend(_ active: [Pod]) {
        jobPods.delete(active)
        guard !JobConditions.isTrue(job, JobConditions.suspended) else { return }
        JobConditions.set(JobConditions.make(JobConditions.suspended, reason: "JobSuspended", message: "Job suspended", at: now), in: &status)
        client.event("Normal", "Suspended", "Job suspended", on: owner, component: JobPods.component)
    }

    /// A resumed Job's startTime restarts, so activeDeadlineSeconds counts from the resume.
    private mutating func resumeIfSuspended() {
        guard JobConditions.isTrue(job, JobConditions.suspended) else { return }
        JobConditions.set(JobConditions.make(JobConditions.suspended, status: "False", reason: "JobResumed", message: "Job resumed", at: now), in: &status)
        client.event("Normal", "Resumed", "Job resumed", on: owner, component: JobPods.component)
        status.startTime = client.store.rfc3339(now)
    }

    /// `manageJob`: creates the missing pods once the failure back-off has passed, or deletes
    /// surplus ones when parallelism went down. Returns the pods it created.
    private mutating func manage(pods: [Pod], active: [Pod]) -> [Pod] {
        let parallelism = Int(spec.parallelism ?? 1)
        var wantActive: Int
        if let completions = spec.completions {
            wantActive = max(0, min(parallelism, Int(completions - succeeded)))
        } else {
            wantActive = succeeded > 0 ? active.count : parallelism
        }
        if active.count > wantActive {
            let newestFirst = active.sorted { ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") > ($1.metadata.creationTimestamp ?? "", $1.metadata.name ?? "") }
            jobPods.delete(Array(newestFirst.prefix(active.count - wantActive)))
            return []
        }
        // podReplacementPolicy Failed waits for terminating pods to finish before replacing them.
        let occupied = active.count + (spec.podReplacementPolicy == "Failed" ? terminatingCount() : 0)
        let missing = wantActive - occupied
        guard missing > 0 else { return [] }
        let wait = JobBackoff.remaining(pods: pods, at: now)
        if wait.seconds > 0 {
            requeue(after: wait)
            return []
        }
        let indexes: [Int32?]
        if isIndexed {
            let activeIndexes = Set(active.compactMap { IndexedJobUtils.index(of: $0, completions: spec.completions ?? 0) })
            indexes = IndexedJobUtils.pendingIndexes(count: missing, completions: spec.completions ?? 0, succeeded: succeededIndexes, active: activeIndexes)
        } else {
            indexes = Array(repeating: nil, count: missing)
        }
        jobPods.create(indexes)
        let known = Set(active.map { $0.metadata.name ?? "" })
        return ownedPods.filter { PodConditions.isActive($0) && !known.contains($0.metadata.name ?? "") }
    }

    /// The Job's pods as the store has them now (after this sync's creations and deletions).
    private var ownedPods: [Pod] {
        ControllerRef.controlled(client.store.dependents(ofUID: job.metadata.uid ?? ""), byUID: job.metadata.uid, \.pod)
    }

    /// Pods being deleted that have not reached a terminal phase (`status.terminating`).
    private mutating func terminatingCount() -> Int {
        // Asked up to three times a sync: counted again only when some pod was written since.
        let revision = client.store.revision(ofKind: .pod)
        if let terminating, terminating.revision == revision { return terminating.count }
        // Counted as it scans, cheap tests first: listing the owned pods built two arrays.
        let uid = job.metadata.uid
        let count = client.store.dependents(ofUID: uid ?? "").reduce(0) { count, object in
            guard case .pod(let pod) = object, pod.metadata.deletionTimestamp != nil, pod.$status.read(\.phase) != "Succeeded",
                  pod.$status.read(\.phase) != "Failed", ControllerRef.isControlled(object, byUID: uid) else { return count }
            return count + 1
        }
        terminating = (revision, count)
        return count
    }

    private mutating func requeue(after duration: VirtualDuration) {
        let seconds = max(1, duration.seconds)
        requeue = .seconds(min(requeue?.seconds ?? seconds, seconds))
    }

    /// The status as v1.33 writes it: `ready`, `terminating` and `uncountedTerminatedPods: {}`
    /// always present, the counters left out when zero.
    private mutating func writeStatus(active: [Pod]) {
        status.active = active.isEmpty ? nil : Int32(active.count)
        status.ready = Int32(active.filter(PodConditions.isReady).count)
        status.terminating = Int32(terminatingCount())
        status.succeeded = succeeded > 0 ? succeeded : nil
        status.failed = failed > 0 ? failed : nil
        status.uncountedTerminatedPods = UncountedTerminatedPods()
        if isIndexed {
            let text = IndexedJobUtils.format(succeededIndexes)
            status.completedIndexes = text.isEmpty ? nil : text
        }
        let key = ObjectKey(kind: "Job", namespace: job.metadata.namespace ?? "default", name: job.metadata.name ?? "")
        guard case .job(var live)? = client.store.get(key), live.status != status else { return }
        live.status = status
        client.updateStatus(.job(live), at: key)
    }
}
