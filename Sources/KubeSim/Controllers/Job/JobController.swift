import KubeModel

/// The Job controller (pkg/controller/job/job_controller.go `syncJob`, v1.33): a Job is synced
/// when it or one of its pods changes, and again when a back-off or its active deadline ends.
/// Each sync counts the pods that finished since the last one (their tracking finalizer still
/// on), decides whether the Job has failed or succeeded, and otherwise keeps
/// min(parallelism, remaining completions) pods running.
/// Docs: https://kubernetes.io/docs/concepts/workloads/controllers/job/
struct JobController: Controller {
    /// Sorts after `kubelet` and `scheduler`, so pod changes at one instant end in one sync.
    let name = "workloads.job"
    let watchedKinds: Set<String>? = ["Job", "Pod"]
    let primaryKinds: Set<String>? = ["Job"]
    unowned let cluster: Cluster

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        // Only for a Job `reconcile` would sync: both states are final, so one seen now holds
        // when the sync would run (a Job created again comes with its own event).
        switch event.key.kind {
        case "Job":
            return event.type != .deleted && event.object.withJob(Self.isSynced) == true ? [event.key] : []
        case "Pod":
            guard let owner = ControllerRef.name(of: event.object, ifKind: "Job") else { return [] }
            let key = ObjectKey(kind: "Job", namespace: event.key.namespace, name: owner)
            return store.get(key)?.withJob(Self.isSynced) == true ? [key] : []
        default:
            return []
        }
    }

    /// A finished Job is never synced again (`IsJobFinished` ends syncJob early), nor one being deleted.
    static func isSynced(_ job: Job) -> Bool {
        job.metadata.deletionTimestamp == nil && !JobConditions.isFinished(job)
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let object = store.get(key), case .job(let job) = object, Self.isSynced(job) else { return .done }
        var sync = JobSync(job: job, object: object, client: ControllerClient(cluster), now: now)
        return sync.run()
    }
}
