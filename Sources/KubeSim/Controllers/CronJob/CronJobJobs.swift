import KubedrillSupport
import KubeModel

/// The Jobs a CronJob starts (pkg/controller/cronjob/utils.go `getJobFromTemplate2`, `getJobName`,
/// v1.33): named `<cronjob>-<scheduled time in minutes since 1970>`, so one activation can only
/// ever create one Job, with the template's labels and annotations plus
/// `batch.kubernetes.io/cronjob-scheduled-timestamp` in the schedule's zone.
enum CronJobJobs {
    static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"

    static func name(_ cronJob: CronJob, scheduled: VirtualTime) -> String {
        String(concatenating: cronJob.metadata.name ?? "", "-", String((scheduled.seconds + VirtualTime.epochUnixSeconds) / 60))
    }

    /// The Job for the activation at `scheduled`, named `name` (see `name(_:scheduled:)`);
    /// `owner` is the CronJob as stored, which its controller reference names.
    static func job(from cronJob: CronJob, owner: KubeObject, name: String, scheduled: VirtualTime, schedule: CronJobSchedule) -> Job {
        var job = Job()
        let template = cronJob.$spec.read(\.jobTemplate)
        // Metadata made apart and set once: each field set through the box asked whether it
        // was shared.
        var meta = ObjectMeta()
        meta.name = name
        meta.namespace = cronJob.metadata.namespace ?? "default"
        meta.labels = template?.metadata?.labels
        let stamp = schedule.rfc3339(scheduled)
        if var annotations = template?.metadata?.annotations {
            annotations[scheduledTimestampAnnotation] = stamp
            meta.annotations = annotations
        } else {
            meta.annotations = [scheduledTimestampAnnotation: stamp]
        }
        meta.ownerReferences = [ControllerRef.make(for: owner)]
        job.metadata = meta
        job.$spec = template?.$spec ?? OptionalBox()
        return job
    }

    /// `ref.GetReference`: what `status.active` lists.
    static func reference(to job: KubeObject) -> ObjectReference {
        var reference = ObjectReference()
        reference.apiVersion = job.apiVersion
        reference.kind = job.kind
        reference.name = job.withMetadata(\.name)
        reference.namespace = job.withMetadata(\.namespace)
        reference.uid = job.withMetadata(\.uid)
        reference.resourceVersion = job.withMetadata(\.resourceVersion)
        return reference
    }
}
