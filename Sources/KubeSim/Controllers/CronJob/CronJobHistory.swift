import KubeModel

/// `cleanupFinishedJobs` and `removeOldestJobs` (cronjob_controllerv2.go, v1.33): beyond
/// `successfulJobsHistoryLimit` Complete Jobs and `failedJobsHistoryLimit` Failed ones (3 and 1
/// by default), the oldest by start time are deleted, each with a `SuccessfulDelete` event.
extension CronJobSync {
    mutating func cleanupFinishedJobs() {
        guard spec.successfulJobsHistoryLimit != nil || spec.failedJobsHistoryLimit != nil else { return }
        if let limit = spec.successfulJobsHistoryLimit { removeOldest(JobConditions.complete, keeping: Int(limit)) }
        if let limit = spec.failedJobsHistoryLimit { removeOldest(JobConditions.failed, keeping: Int(limit)) }
    }

    /// Deletes the oldest Jobs whose `condition` is true beyond `limit`. Counted first: a sync
    /// is almost never past the limit, and listing the positions grew an array each time.
    private mutating func removeOldest(_ condition: String, keeping limit: Int) {
        var count = 0
        for position in jobs.indices where JobConditions.isTrue(jobs[position], condition) { count += 1 }
        guard count > limit else { return }
        // Still there when its uid is (asked of the uid index: no key to build, no object
        // copied); the Jobs this sync has deleted (Replace) are not counted.
        var positions: [Int] = []
        positions.reserveCapacity(count)
        for position in jobs.indices where JobConditions.isTrue(jobs[position], condition) && client.store.exists(uid: jobs[position].metadata.uid ?? "") {
            positions.append(position)
        }
        guard positions.count > limit else { return }
        // Each start time parsed once, not once per comparison.
        let keys = positions.map { (position: $0, start: jobs[$0].$status.read(\.startTime).flatMap(VirtualTime.init(rfc3339:)), name: jobs[$0].metadata.name ?? "") }
        let oldestFirst = keys.sorted { Self.startedEarlier(($0.start, $0.name), ($1.start, $1.name)) }
        for key in oldestFirst.prefix(positions.count - limit) { delete(jobs[key.position]) }
    }

    /// `byJobStartTime`: by status.startTime (unset last), then name.
    static func startedEarlier(_ first: (start: VirtualTime?, name: String), _ second: (start: VirtualTime?, name: String)) -> Bool {
        switch (first.start, second.start) {
        case (nil, .some): return false
        case (.some, nil): return true
        case let (l?, r?) where l != r: return l < r
        default: return first.name < second.name
        }
    }
}
