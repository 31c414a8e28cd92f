import KubeModel

/// Parsed schedules by their text: a CronJob is synced several times per activation and its
/// schedule rarely changes, so parsing it each time was a measurable share of a sync.
final class CronScheduleCache {
    @exclusivity(unchecked) private var parsed: [String: Result<CronSchedule, any Error>] = [:]
    /// Schedules edited many times leave stale entries; past this many the cache starts over.
    private let capacity = 1024

    func schedule(_ text: String) throws -> CronSchedule {
        if let known = parsed[text] { return try known.get() }
        if parsed.count >= capacity { parsed.removeAll() }
        let result = Result { try CronSchedule(parsing: text) }
        parsed[text] = result
        return try result.get()
    }
}
