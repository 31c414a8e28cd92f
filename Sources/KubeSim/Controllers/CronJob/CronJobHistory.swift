import KubeModel

/// `cleanupFinishedJobs` and `removeOldestJobs` (cronjob_controllerv2.go, v1.33): beyond
/// `successfulJobsHistoryLimit` Complete Jobs and `failedJobsHistoryLimit` Failed ones (3 and 1
/// by default), the oldest by start time are deleted, each with a `SuccessfulDelete` event.
extension CronJobSync {
    mutating func cleanupFinishedJobs() {
        guard spec.successfulJobsHistoryLimit != nil || spec.failedJobsHistoryLimit != nil else { return }
        // Positions in `jobs`, so the Jobs themselves are not copied into each list.
        var complete: [Int] = [], failed: [Int] = []
        for position in jobs.indices {
            if JobConditions.isTrue(jobs[position], JobConditions.complete) { complete.append(position) }
            if JobConditions.isTrue(jobs[position], JobConditions.failed) { failed.append(position) }
        }
        if let limit = spec.successfulJobsHistoryLimit { removeOldest(complete, keeping: Int(limit)) }
        if let limit = spec.failedJobsHistoryLimit { removeOldest(failed, keeping: Int(limit)) }
    }

    private mutating func removeOldest(_ positions: [Int], keeping limit: Int) {
        // Asked only past the limit, as it cannot be past it otherwise: the Jobs this sync has
        // deleted (Replace) are not counted. Still there when its uid is (asked of the uid
        // index: no key to build, no object copied).
        guard positions.count > limit else { return }
        let positions = positions.filter { client.store.exists(uid: jobs[$0].metadata.uid ?? "") }
        guard positions.count > limit else { return }
        // Each start time parsed once, not once per comparison.
        let keys = positions.map { (position: $0, start: jobs[$0].status?.startTime.flatMap(VirtualTime.init(rfc3339:)), name: jobs[$0].metadata.name ?? "") }
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
