import Foundation
import KubedrillSupport
import KubeModel

/// One `syncCronJob` pass; `cronJob` is the working copy whose status the controller writes.
struct CronJobSync {
    var cronJob: CronJob
    let jobs: [Job]
    let client: ControllerClient
    let now: VirtualTime
    let schedules: CronScheduleCache
    /// Set when `trackActiveJobs` warned about a Job missing from `status.active`.
    var sawUnexpectedJob = false

    /// Read once: each `cronJob.spec ?? CronJobSpec()` copied the whole Job template.
    let spec: CronJobSpec
    /// The CronJob as read, what its Events name (wrapping `cronJob` for each copied it into a
    /// new box; name and uid do not change).
    let object: KubeObject

    init(cronJob: CronJob, object: KubeObject, jobs: [Job], client: ControllerClient, now: VirtualTime, schedules: CronScheduleCache) {
        self.cronJob = cronJob
        self.object = object
        self.jobs = jobs
        self.client = client
        self.now = now
        self.schedules = schedules
        spec = cronJob.spec ?? CronJobSpec()
    }
    /// The controller manager's zone for CronJobs without `timeZone`.
    static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    func event(_ type: String, _ reason: String, _ message: String) {
        client.event(type, reason, message, on: object, component: CronJobController.component)
    }

    /// Returns when to look again (the next activation), nil when nothing is scheduled.
    mutating func run() -> VirtualDuration? {
        trackActiveJobs()
        guard cronJob.metadata.deletionTimestamp == nil else { return nil }
        let timeZone: TimeZone
        if let name = spec.timeZone {
            guard let zone = TimeZone(identifier: name) else {
                event("Warning", "UnknownTimeZone", "invalid timeZone: \"\(name)\": unknown time zone \(name)")
                return nil
            }
            timeZone = zone
        } else {
            timeZone = Self.utc
        }
        if spec.suspend == true { return nil }  // "Not starting job because the cron is suspended"
        let parsed: CronSchedule
        do { parsed = try schedules.schedule(spec.schedule) } catch {
            event("Warning", "UnparseableSchedule", "unparseable schedule: \"\(spec.schedule)\" : \(error)")
            return nil
        }
        let schedule = CronJobSchedule(schedule: parsed, timeZone: timeZone, at: now)
        guard let recent = schedule.mostRecent(cronJob, now: now, includeStartingDeadline: true) else {
            event("Warning", "InvalidSchedule", "invalid schedule: \(spec.schedule) : time difference between two schedules is less than 1 second")
            return nil
        }
        let untilNext = schedule.untilNext(cronJob, now: now)
        // nextScheduleTime: nothing due since the last run.
        guard let scheduled = recent.mostRecent, scheduled <= now else { return untilNext }
        if recent.missed > 100 {
            event("Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew")
        }
        if let deadline = spec.startingDeadlineSeconds, scheduled + .seconds(deadline) < now {
            event("Warning", "MissSchedule", "Missed scheduled time to start a job: \(Self.rfc1123Z(scheduled))")
            return untilNext
        }
        let name = CronJobJobs.name(cronJob, scheduled: scheduled)
        let lastSchedule = cronJob.status?.lastScheduleTime.flatMap(VirtualTime.init(rfc3339:))
        if (cronJob.status?.active ?? []).contains(where: { $0.name == name }) || lastSchedule == scheduled { return untilNext }
        let active = cronJob.status?.active ?? []
        if spec.concurrencyPolicy == "Forbid", !active.isEmpty {
            event("Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid")
            return untilNext
        }
        if spec.concurrencyPolicy == "Replace" {
            for reference in active {
                guard case .job(let job)? = client.store.get(ObjectKey(kind: "Job", namespace: reference.namespace ?? "default", name: reference.name ?? "")) else { continue }
                delete(job)
            }
        }
        start(CronJobJobs.job(from: cronJob, owner: object, name: name, scheduled: scheduled, schedule: schedule), scheduled: scheduled)
        return untilNext
    }

    /// Drops finished and vanished Jobs from `status.active` and records the last success.
    private mutating func trackActiveJobs() {
        var status = cronJob.status ?? CronJobStatus()
        var active = status.active ?? []
        var lastSuccess = status.lastSuccessfulTime.flatMap(VirtualTime.init(rfc3339:))
        // Each Job read where it lies (`for job in jobs` copied it out), each condition asked once.
        for index in jobs.indices {
            let uid = jobs[index].metadata.uid ?? ""
            let listed = active.contains { $0.uid == uid }
            let complete = JobConditions.isTrue(jobs[index], JobConditions.complete)
            let finished = complete || JobConditions.isTrue(jobs[index], JobConditions.failed)  // IsJobFinished
            if !listed, !finished {
                event("Warning", "UnexpectedJob", "Saw a job that the controller did not create or forgot: \(jobs[index].metadata.name ?? "")")
                sawUnexpectedJob = true
            } else if listed, finished {
                active.removeAll { $0.uid == uid }
                let condition = complete ? JobConditions.complete : JobConditions.failed
                event("Normal", "SawCompletedJob", String(concatenating: "Saw completed job: ", jobs[index].metadata.name ?? "", ", condition: ", condition))
            }
            // The same stamp as the last success is no later: parsed only when it differs.
            if complete, let completed = jobs[index].$status.read(\.completionTime),
               completed != status.lastSuccessfulTime, let time = VirtualTime(rfc3339: completed) {
                if lastSuccess.map({ time > $0 }) ?? true { (status.lastSuccessfulTime, lastSuccess) = (completed, time) }
            }
        }
        // A CronJob owns a handful of Jobs: a scan is cheaper than hashing their uids into a set.
        for reference in active where !jobs.contains(where: { $0.metadata.uid == reference.uid }) {
            event("Normal", "MissingJob", "Active job went missing: \(reference.name ?? "")")
            active.removeAll { $0.uid == reference.uid }
        }
        status.active = active.isEmpty ? nil : active
        cronJob.status = status
    }

    private mutating func start(_ job: Job, scheduled: VirtualTime) {
        let created: KubeObject
        var isNew = true
        do {
            created = try client.create(.job(job))
        } catch let error as APIError where error.reason == "AlreadyExists" {
            // Made by another actor: nothing to add unless it is ours and missing from active.
            guard let existing = client.store.get(ObjectKey(kind: "Job", namespace: job.metadata.namespace ?? "default", name: job.metadata.name ?? "")),
                  ControllerRef.isControlled(existing, by: object),
                  !(cronJob.status?.active ?? []).contains(where: { $0.uid == existing.withMetadata(\.uid) }) else { return }
            created = existing
            isNew = false
        } catch {
            event("Warning", "FailedCreate", "Error creating job: \((error as? APIError)?.message ?? "\(error)")")
            return
        }
        if isNew { event("Normal", "SuccessfulCreate", String(concatenating: "Created job ", created.withMetadata(\.name) ?? "")) }
        var status = cronJob.status ?? CronJobStatus()
        status.active = (status.active ?? []) + [CronJobJobs.reference(to: created)]
        status.lastScheduleTime = scheduled.rfc3339
        cronJob.status = status
    }

    /// `deleteJob`: background propagation, then the Job leaves `status.active`.
    mutating func delete(_ job: Job) {
        GracefulDeletion.delete(.job(job), in: client.store, gracePeriod: nil)
        cronJob.status?.active?.removeAll { $0.uid == job.metadata.uid }
        if cronJob.status?.active?.isEmpty == true { cronJob.status?.active = nil }
        event("Normal", "SuccessfulDelete", String(concatenating: "Deleted job ", job.metadata.name ?? ""))
    }

    /// `time.RFC1123Z` in UTC: `Thu, 01 Jan 2026 00:05:00 +0000`.
    static func rfc1123Z(_ time: VirtualTime) -> String {
        let unix = VirtualTime.epochUnixSeconds + time.seconds
        let days = unix / 86_400, second = unix % 86_400
        let date = CivilCalendar.date(fromDays: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(days % 7)]), \(two(date.day)) \(months[Int(date.month - 1)]) \(date.year) \(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)) +0000"
    }
}
