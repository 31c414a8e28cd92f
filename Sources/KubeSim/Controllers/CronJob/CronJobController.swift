import Foundation
import KubeModel

/// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go `sync`, v1.33): a
/// CronJob is synced when it or one of its Jobs changes, and at its next activation, exactly
/// then (the runner's queue stands in for `queue.AddAfter`, so nothing polls). A sync brings
/// `status.active` up to date, starts the Job due now if the policies allow, and prunes
/// finished Jobs beyond the history limits.
/// Docs: https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
struct CronJobController: Controller {
    static let component = "cronjob-controller"
    let name = "workloads.cronjob"
    let watchedKinds: Set<String>? = ["CronJob", "Job"]
    let primaryKinds: Set<String>? = ["CronJob"]
    unowned let cluster: Cluster
    let schedules = CronScheduleCache()
    let ownWrites = OwnStatusWrites()

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "CronJob":
            return ownWrites.isOwn(event) || event.type == .deleted ? [] : [event.key]
        case "Job":
            guard let owner = ControllerRef.name(of: event.object, ifKind: "CronJob"),
                  let (uid, isFinished, isDeleting) = event.object.withJob({ ($0.metadata.uid, JobConditions.isFinished($0), $0.metadata.deletionTimestamp != nil) })
            else { return [] }
            let key = ObjectKey(kind: "CronJob", namespace: event.key.namespace, name: owner)
            // A sync only changes something when a Job appears unlisted, finishes, or an active
            // one vanishes; other Job updates (its counts moving) would sync for nothing.
            let isListed = store.get(key)?.withCronJob { ($0.$status.read(\.active) ?? []).contains { $0.uid == uid } } ?? false
            switch event.type {
            case .added: return isListed && !isFinished ? [] : [key]
            case .modified: return isFinished || isDeleting ? [key] : []
            case .deleted: return isListed ? [key] : []
            }
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let object = store.get(key), case .cronJob(let cronJob) = object else { return .done }
        let jobs = ControllerRef.controlled(store.dependents(ofUID: cronJob.metadata.uid ?? ""), byUID: cronJob.metadata.uid) { object -> Job? in
            if case .job(let job) = object { job } else { nil }
        }
        var sync = CronJobSync(cronJob: cronJob, object: object, jobs: jobs, client: ControllerClient(cluster), now: now, schedules: schedules)
        let requeue = sync.run()
        sync.cleanupFinishedJobs()
        if case .cronJob(var live)? = store.get(key), live.status != sync.cronJob.status {
            live.status = sync.cronJob.status
            let written = ControllerClient(cluster).updateStatus(.cronJob(live), at: key)
            // A sync that warned about an unexpected Job would warn again; upstream's does.
            if !sync.sawUnexpectedJob { ownWrites.record(written) }
        }
        return requeue.map { .requeue(after: $0) } ?? .done
    }
}
