import KubeModel

/// The Jobs a CronJob starts (pkg/controller/cronjob/utils.go `getJobFromTemplate2`, `getJobName`,
/// v1.33): named `<cronjob>-<scheduled time in minutes since 1970>`, so one activation can only
/// ever create one Job, with the template's labels and annotations plus
/// `batch.kubernetes.io/cronjob-scheduled-timestamp` in the schedule's zone.
enum CronJobJobs {
    static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"

    static func name(_ cronJob: CronJob, scheduled: VirtualTime) -> String {
        "\(cronJob.metadata.name ?? "")-\((scheduled.seconds + VirtualTime.epochUnixSeconds) / 60)"
    }

    static func job(from cronJob: CronJob, scheduled: VirtualTime, schedule: CronJobSchedule) -> Job {
        var job = Job()
        let template = cronJob.$spec.read(\.jobTemplate)
        job.metadata.name = name(cronJob, scheduled: scheduled)
        job.metadata.namespace = cronJob.metadata.namespace ?? "default"
        job.metadata.labels = template?.metadata?.labels
        job.metadata.annotations = (template?.metadata?.annotations ?? [:]).merging([scheduledTimestampAnnotation: schedule.rfc3339(scheduled)]) { $1 }
        job.metadata.ownerReferences = [ControllerRef.make(for: .cronJob(cronJob))]
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
