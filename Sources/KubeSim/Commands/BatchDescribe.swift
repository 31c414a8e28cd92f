import KubeModel

/// `kubectl describe job` and `describe cronjob` (k8s.io/kubectl/pkg/describe/describe.go,
/// v1.33 `describeJob`, `describeCronJob`, `describeJobTemplate`, `printActiveJobs`).
extension WorkloadDescribe {
    static func job(_ job: Job, in store: Store) -> String {
        var out = PrefixLines()
        let meta = job.metadata, spec = job.spec, status = job.status
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "Selector:\t\(SelectorText.format(spec?.selector))\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        if let owner = ControllerRef.of(.job(job)) { out.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
        if let parallelism = spec?.parallelism { out.write(0, "Parallelism:\t\(parallelism)\n") }
        out.write(0, "Completions:\t\(spec?.completions.map(String.init) ?? "<unset>")\n")
        if let mode = spec?.completionMode { out.write(0, "Completion Mode:\t\(mode)\n") }
        if let suspend = spec?.suspend { out.write(0, "Suspend:\t\(suspend)\n") }
        if let limit = spec?.backoffLimit { out.write(0, "Backoff Limit:\t\(limit)\n") }
        if let ttl = spec?.ttlSecondsAfterFinished { out.write(0, "TTL Seconds After Finished:\t\(ttl)\n") }
        if let start = status?.startTime { out.write(0, "Start Time:\t\(DescribeText.time(start))\n") }
        if let completed = status?.completionTime { out.write(0, "Completed At:\t\(DescribeText.time(completed))\n") }
        if let start = status?.startTime.flatMap(VirtualTime.init(rfc3339:)), let end = status?.completionTime.flatMap(VirtualTime.init(rfc3339:)) {
            out.write(0, "Duration:\t\(Age.human(end - start))\n")
        }
        if let deadline = spec?.activeDeadlineSeconds { out.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
        let counts = "\(status?.succeeded ?? 0) Succeeded / \(status?.failed ?? 0) Failed"
        if let ready = status?.ready {
            out.write(0, "Pods Statuses:\t\(status?.active ?? 0) Active (\(ready) Ready) / \(counts)\n")
        } else {
            out.write(0, "Pods Statuses:\t\(status?.active ?? 0) Active / \(counts)\n")
        }
        if spec?.completionMode == "Indexed" {
            out.write(0, "Completed Indexes:\t\((status?.completedIndexes ?? "").nonEmpty ?? "<none>")\n")
        }
        PodTemplateText.describe(spec?.template, into: &out)
        return finish(out, events: events(of: .job(job), in: store), now: store.now)
    }

    static func cronJob(_ cronJob: CronJob, in store: Store) -> String {
        var out = PrefixLines()
        let meta = cronJob.metadata, spec = cronJob.spec
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        out.write(0, "Schedule:\t\(spec?.schedule ?? "")\n")
        out.write(0, "Concurrency Policy:\t\(spec?.concurrencyPolicy ?? "")\n")
        out.write(0, "Suspend:\t\(spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>")\n")
        out.write(0, "Successful Job History Limit:\t\(spec?.successfulJobsHistoryLimit.map(String.init) ?? "<unset>")\n")
        out.write(0, "Failed Job History Limit:\t\(spec?.failedJobsHistoryLimit.map(String.init) ?? "<unset>")\n")
        out.write(0, "Starting Deadline Seconds:\t\(spec?.startingDeadlineSeconds.map { "\($0)s" } ?? "<unset>")\n")
        let template = spec?.jobTemplate.spec
        out.write(0, "Selector:\t\(template?.selector.map { SelectorText.format($0) } ?? "<unset>")\n")
        out.write(0, "Parallelism:\t\(template?.parallelism.map(String.init) ?? "<unset>")\n")
        out.write(0, "Completions:\t\(template?.completions.map(String.init) ?? "<unset>")\n")
        if let deadline = template?.activeDeadlineSeconds { out.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
        PodTemplateText.describe(template?.template, into: &out)
        out.write(0, "Last Schedule Time:\t\(cronJob.status?.lastScheduleTime.map { DescribeText.time($0) } ?? "<unset>")\n")
        let active = (cronJob.status?.active ?? []).map { $0.name ?? "" }
        out.write(0, "Active Jobs:\t\(active.isEmpty ? "<none>" : active.joined(separator: ", "))\n")
        return finish(out, events: events(of: .cronJob(cronJob), in: store), now: store.now)
    }
}
