import Foundation
import KubeModel

/// Schedule arithmetic of the CronJob controller (pkg/controller/cronjob/utils.go, v1.33:
/// `mostRecentScheduleTime`, `nextScheduleTime`, `nextScheduleTimeDuration`) over a parsed
/// schedule in the CronJob's `timeZone` (the controller manager's, UTC, when unset).
struct CronJobSchedule {
    let schedule: CronSchedule
    let timeZone: TimeZone
    /// Set for zones that never change offset: activations then come from integer arithmetic.
    let fixedOffset: Int64?

    init(schedule: CronSchedule, timeZone: TimeZone, at now: VirtualTime) {
        self.schedule = schedule
        self.timeZone = timeZone
        let date = Self.date(now)
        if timeZone.secondsFromGMT() == 0 && timeZone.identifier.hasPrefix("GMT") || timeZone.identifier == "UTC"
            || timeZone.nextDaylightSavingTimeTransition(after: date) == nil {
            fixedOffset = Int64(timeZone.secondsFromGMT(for: date))
        } else {
            fixedOffset = nil
        }
    }

    static func date(_ time: VirtualTime) -> Date { VirtualTime.epoch.addingTimeInterval(TimeInterval(time.seconds)) }

    /// The first activation strictly after `time` (robfig/cron `Schedule.Next`).
    func next(after time: VirtualTime) -> VirtualTime? {
        if let fixedOffset {
            return schedule.next(afterUnixSeconds: time.seconds + VirtualTime.epochUnixSeconds, utcOffset: fixedOffset)
                .map { VirtualTime(seconds: $0 - VirtualTime.epochUnixSeconds) }
        }
        return schedule.next(after: Self.date(time), in: timeZone).map { VirtualTime(seconds: Int64($0.timeIntervalSince(VirtualTime.epoch).rounded())) }
    }

    /// What `mostRecentScheduleTime` finds: where the search started, the latest activation
    /// not after now (nil when none is due) and how many activations were missed.
    struct Recent {
        var earliest: VirtualTime
        var mostRecent: VirtualTime?
        var missed: Int64
    }

    /// `mostRecentScheduleTime`: from the last schedule (or creation), or from now minus
    /// `startingDeadlineSeconds` when that is later, to now. Missed activations are counted
    /// from the interval between the first two, as upstream does, not listed one by one.
    func mostRecent(_ cronJob: CronJob, now: VirtualTime, includeStartingDeadline: Bool) -> Recent? {
        var earliest = cronJob.status?.lastScheduleTime.flatMap(VirtualTime.init(rfc3339:))
            ?? cronJob.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
        if includeStartingDeadline, let deadline = cronJob.spec?.startingDeadlineSeconds {
            let schedulingDeadline = now + .seconds(-deadline)
            if schedulingDeadline > earliest { earliest = schedulingDeadline }
        }
        guard let first = next(after: earliest) else { return nil }
        guard first <= now else { return Recent(earliest: earliest, mostRecent: nil, missed: 0) }
        guard let second = next(after: first) else { return nil }
        if now < second { return Recent(earliest: earliest, mostRecent: first, missed: 1) }
        let interval = (second - first).seconds
        guard interval >= 1 else { return nil }
        let missed = (now - first).seconds / interval + 1
        // Start one interval before the estimate and walk forward (irregular schedules).
        var time = first + .seconds((missed - 2) * interval)
        var mostRecent: VirtualTime?
        while let candidate = next(after: time), candidate <= now {
            mostRecent = candidate
            time = candidate
        }
        return Recent(earliest: earliest, mostRecent: mostRecent, missed: missed)
    }

    /// `nextScheduleTimeDuration`: how long until the activation after the most recent one
    /// (the controller requeues exactly then rather than polling).
    func untilNext(_ cronJob: CronJob, now: VirtualTime) -> VirtualDuration? {
        guard let recent = mostRecent(cronJob, now: now, includeStartingDeadline: false),
              let next = next(after: recent.mostRecent ?? recent.earliest) else { return nil }
        return next - now
    }

    /// RFC 3339 in the schedule's zone (`2026-01-01T09:00:00+09:00`), the
    /// `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation's form.
    func rfc3339(_ time: VirtualTime) -> String {
        let offset = fixedOffset ?? Int64(timeZone.secondsFromGMT(for: Self.date(time)))
        guard offset != 0 else { return time.rfc3339 }
        let local = VirtualTime(seconds: time.seconds + offset).rfc3339.dropLast()
        let magnitude = abs(offset) / 60
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(local)\(offset < 0 ? "-" : "+")\(two(magnitude / 60)):\(two(magnitude % 60))"
    }
}
