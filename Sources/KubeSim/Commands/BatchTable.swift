import KubeModel

/// `kubectl get jobs` and `get cronjobs` (pkg/printers/internalversion/printers.go, v1.33
/// `printJob`, `printCronJob`); `-o wide` adds CONTAINERS, IMAGES and SELECTOR.
enum BatchTable {
    static func rows(_ objects: [KubeObject], kind: String, wide: Bool, now: VirtualTime, age: (KubeObject) -> String) -> ([String], [[String]]) {
        let extra = wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []
        func wideCells(_ template: PodTemplateSpec?, _ selector: LabelSelector?) -> [String] {
            let containers = template?.spec?.containers ?? []
            return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ","), SelectorText.format(selector)]
        }
        var rows: [[String]] = []
        if kind == "CronJob" {
            for object in objects {
                guard case .cronJob(let cronJob) = object else { continue }
                let spec = cronJob.spec
                let last = cronJob.status?.lastScheduleTime.flatMap(VirtualTime.init(rfc3339:)).map { Age.human(now - $0) } ?? "<none>"
                let suspend = spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>"
                var row = [cronJob.metadata.name ?? "", spec?.schedule ?? "", spec?.timeZone ?? "<none>", suspend,
                           String(cronJob.status?.active?.count ?? 0), last, age(object)]
                if wide { row += wideCells(spec?.jobTemplate.spec?.template, spec?.jobTemplate.spec?.selector) }
                rows.append(row)
            }
            return (["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"] + extra, rows)
        }
        for object in objects {
            guard case .job(let job) = object else { continue }
            var row = [job.metadata.name ?? "", status(job), completions(job), duration(job, now: now), age(object)]
            if wide { row += wideCells(job.spec?.template, job.spec?.selector) }
            rows.append(row)
        }
        return (["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"] + extra, rows)
    }

    /// The STATUS column: the first true condition in printJob's order, else Running.
    static func status(_ job: Job) -> String {
        if JobConditions.isTrue(job, JobConditions.complete) { return "Complete" }
        if JobConditions.isTrue(job, JobConditions.failed) { return "Failed" }
        if job.metadata.deletionTimestamp != nil { return "Terminating" }
        for type in [JobConditions.suspended, JobConditions.failureTarget, JobConditions.successCriteriaMet] where JobConditions.isTrue(job, type) {
            return type
        }
        return "Running"
    }

    /// `succeeded/completions`, or for a work queue `succeeded/1` (`of <parallelism>` when above 1).
    static func completions(_ job: Job) -> String {
        let succeeded = job.status?.succeeded ?? 0
        if let completions = job.spec?.completions { return "\(succeeded)/\(completions)" }
        let parallelism = job.spec?.parallelism ?? 0
        return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
    }

    /// Start to completion, or to now while not complete (a failed Job's keeps growing); empty before it starts.
    static func duration(_ job: Job, now: VirtualTime) -> String {
        guard let start = job.status?.startTime.flatMap(VirtualTime.init(rfc3339:)) else { return "" }
        let end = job.status?.completionTime.flatMap(VirtualTime.init(rfc3339:)) ?? now
        return Age.human(end - start)
    }
}
