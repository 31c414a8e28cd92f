import KubeModel

/// The TTL-after-finished controller (pkg/controller/ttlafterfinished/ttlafterfinished_controller.go,
/// v1.33): a finished Job with `ttlSecondsAfterFinished` is deleted that many seconds after its
/// Complete or Failed condition, with background propagation, so the garbage collector removes
/// its pods afterwards. A Job not yet due is looked at again exactly when it is.
/// Docs: https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/
struct TTLAfterFinishedController: Controller {
    let name = "workloads.ttl-after-finished"
    let watchedKinds: Set<String>? = ["Job"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        guard event.key.kind == "Job", event.type != .deleted,
              event.object.withJob({ $0.spec?.ttlSecondsAfterFinished != nil && JobConditions.isFinished($0) }) == true else { return [] }
        return [event.key]
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        // processJob: skip Jobs being deleted, without a TTL or not finished.
        guard case .job(let job)? = store.get(key), job.metadata.deletionTimestamp == nil,
              let ttl = job.spec?.ttlSecondsAfterFinished, let finished = JobConditions.finishTime(job) else { return .done }
        let expiry = finished + .seconds(Int64(ttl))
        guard expiry <= now else { return .requeue(after: expiry - now) }
        GracefulDeletion.delete(.job(job), in: store, gracePeriod: nil)
        return .done
    }
}
