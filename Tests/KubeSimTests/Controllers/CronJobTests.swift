import KubeModel
import Testing
@testable import KubeSim

/// The CronJob controller. Upstream: pkg/controller/cronjob/cronjob_controllerv2.go and utils.go
/// (v1.33); https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
/// The virtual clock starts at 2026-01-01T00:00:00Z, Unix minute 29453760.
@Suite("CronJob controller")
struct CronJobTests {
    static let startMinute: Int64 = 1_767_225_600 / 60

    /// The Job name for the activation `minutes` after the clock's start.
    static func jobName(_ minutes: Int64, _ cronJob: String = "hello") -> String { "\(cronJob)-\(startMinute + minutes)" }

    @Test("*/5 * * * *: a Job at each 5-minute mark named <cronjob>-<minutes since 1970>, annotated with the scheduled time")
    func everyFiveMinutes() throws {
        let cluster = try cluster(BatchFixtures.cronJob())
        try cluster.advance(by: .minutes(16))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5), Self.jobName(10), Self.jobName(15)])
        for (minutes, job) in zip([Int64(5), 10, 15], cluster.jobs) {
            #expect(job.metadata.creationTimestamp?.virtualSeconds == minutes * 60)
            #expect(job.metadata.annotations?["batch.kubernetes.io/cronjob-scheduled-timestamp"] == VirtualTime(seconds: minutes * 60).rfc3339)
            #expect(job.metadata.ownerReferences?.first?.kind == "CronJob")
        }
        #expect(cluster.cronJob()?.status?.lastScheduleTime?.virtualSeconds == Int64(15 * 60))
        #expect(cluster.cronJob()?.status?.lastSuccessfulTime != nil)
        #expect(cluster.events(of: "CronJob", "hello").filter { $0.hasPrefix("SuccessfulCreate") } == (
            ([5, 10, 15] as [Int64]).map { "SuccessfulCreate: Created job \(Self.jobName($0))" }))
        #expect(cluster.events(of: "CronJob", "hello").contains("SawCompletedJob: Saw completed job: \(Self.jobName(5)), condition: Complete"))
    }

    @Test("The controller requeues the CronJob exactly at its next activation instead of polling")
    func requeuesAtNextActivation() throws {
        let cluster = try cluster(BatchFixtures.cronJob())
        let key = ObjectKey(kind: "CronJob", namespace: "default", name: "hello")
        #expect(cluster.runner.queue["workloads.cronjob"]?[key] == VirtualTime(seconds: 300))
        try cluster.advance(by: .minutes(6))
        #expect(cluster.runner.queue["workloads.cronjob"]?[key] == VirtualTime(seconds: 600))
    }

    @Test("concurrencyPolicy Forbid skips an activation while the previous Job is still active, and starts it late once that Job finishes")
    func forbid() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 420", spec: "  concurrencyPolicy: Forbid"))
        try cluster.advance(by: .minutes(11))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5)])
        #expect(cluster.events(of: "CronJob", "hello").contains("JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid"))
        #expect(cluster.cronJob()?.status?.active?.map(\.name) == [Self.jobName(5)])
        // lastScheduleTime stayed at 00:05, so with no startingDeadlineSeconds the 00:10 activation
        // is still unmet and starts as soon as the first Job completes (about 00:12).
        try cluster.advance(by: .minutes(5))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5), Self.jobName(10)])
        let late = try #require(cluster.job(Self.jobName(10))?.metadata.creationTimestamp?.virtualSeconds)
        #expect(late > 12 * 60 && late < 13 * 60)
    }

    @Test("Forbid with startingDeadlineSeconds: the skipped activation is not started late; the next one runs on time")
    func forbidWithDeadline() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 420", spec: "  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 60"))
        try cluster.advance(by: .minutes(16))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5), Self.jobName(15)])
        #expect(cluster.job(Self.jobName(15))?.metadata.creationTimestamp?.virtualSeconds == Int64(15 * 60))
    }

    @Test("concurrencyPolicy Allow runs the next Job beside the active one")
    func allow() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 420"))
        try cluster.advance(by: .minutes(11))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5), Self.jobName(10)])
        #expect(cluster.cronJob()?.status?.active?.count == 2)
    }

    @Test("concurrencyPolicy Replace deletes the active Job and starts the new one")
    func replace() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 420", spec: "  concurrencyPolicy: Replace"))
        try cluster.advance(by: .minutes(11))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(10)])
        #expect(cluster.events(of: "CronJob", "hello").contains("SuccessfulDelete: Deleted job \(Self.jobName(5))"))
        #expect(cluster.cronJob()?.status?.active?.map(\.name) == [Self.jobName(10)])
    }

    @Test("History limits keep the newest successful and failed Jobs and delete older ones with their pods")
    func historyLimits() throws {
        let cluster = try cluster(BatchFixtures.cronJob(schedule: "* * * * *", spec: "  successfulJobsHistoryLimit: 2"))
        try cluster.advance(by: .minutes(5) + .seconds(30))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(4), Self.jobName(5)])
        #expect(cluster.events(of: "CronJob", "hello").filter { $0.hasPrefix("SuccessfulDelete") } == (
            ([1, 2, 3] as [Int64]).map { "SuccessfulDelete: Deleted job \(Self.jobName($0))" }))
        #expect(Set(cluster.store.pods.compactMap { $0.metadata.labels?["job-name"] }) == [Self.jobName(4), Self.jobName(5)])
    }

    @Test("failedJobsHistoryLimit defaults to 1")
    func failedHistory() throws {
        let cluster = try cluster(BatchFixtures.cronJob(schedule: "* * * * *", script: "exit 1", jobSpec: "      backoffLimit: 0"))
        #expect(cluster.cronJob()?.spec?.failedJobsHistoryLimit == 1 && cluster.cronJob()?.spec?.successfulJobsHistoryLimit == 3)
        try cluster.advance(by: .minutes(3) + .seconds(30))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(3)])
    }

    @Test("Resumed without a starting deadline, a missed activation starts at once")
    func missedRunStartsOnResume() throws {
        let cluster = try cluster(BatchFixtures.cronJob(spec: "  suspend: true"))
        try cluster.advance(by: .minutes(7))
        #expect(cluster.jobs.isEmpty)
        try cluster.setSuspend(false, kind: "CronJob", name: "hello")
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(5)])
        #expect(cluster.jobs.first?.metadata.creationTimestamp?.virtualSeconds == Int64(7 * 60))
    }

    @Test("startingDeadlineSeconds: an activation missed by more than the deadline is skipped with MissSchedule; the next one runs")
    func startingDeadline() throws {
        let cluster = try cluster(BatchFixtures.cronJob(spec: "  suspend: true\n  startingDeadlineSeconds: 60"))
        try cluster.advance(by: .minutes(7))
        try cluster.setSuspend(false, kind: "CronJob", name: "hello")
        #expect(cluster.jobs.isEmpty)
        // The deadline window (now − 60 s) starts after 00:05, so nothing is due; the next run is 00:10.
        try cluster.advance(by: .minutes(4))
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(10)])
    }

    @Test("More than 100 missed activations warn TooManyMissedTimes")
    func tooManyMissed() throws {
        let cluster = try cluster(BatchFixtures.cronJob(spec: "  suspend: true"))
        try cluster.advance(by: .minutes(9 * 60))
        try cluster.setSuspend(false, kind: "CronJob", name: "hello")
        #expect(cluster.events(of: "CronJob", "hello").contains("TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"))
        // Only the most recent missed activation starts.
        #expect(cluster.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(9 * 60)])
    }

    @Test("suspend: true starts no Jobs")
    func suspended() throws {
        let cluster = try cluster(BatchFixtures.cronJob(spec: "  suspend: true"))
        try cluster.advance(by: .minutes(20))
        #expect(cluster.jobs.isEmpty)
    }

    @Test("timeZone: 0 9 * * * in Asia/Tokyo is 00:00 UTC; in America/New_York 14:00 UTC in winter; UTC otherwise")
    func timeZones() throws {
        let tokyo = try cluster(BatchFixtures.cronJob(schedule: "0 9 * * *", spec: "  timeZone: Asia/Tokyo"))
        try tokyo.advance(by: .minutes(25 * 60))
        // Created at 09:00 JST on 1 January, so the first activation is 09:00 JST on 2 January.
        #expect(tokyo.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(24 * 60)])
        #expect(tokyo.jobs.first?.metadata.annotations?["batch.kubernetes.io/cronjob-scheduled-timestamp"] == "2026-01-02T09:00:00+09:00")
        let newYork = try cluster(BatchFixtures.cronJob(schedule: "0 9 * * *", spec: "  timeZone: America/New_York"))
        try newYork.advance(by: .minutes(15 * 60))
        #expect(newYork.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(14 * 60)])
        #expect(newYork.jobs.first?.metadata.annotations?["batch.kubernetes.io/cronjob-scheduled-timestamp"] == "2026-01-01T09:00:00-05:00")
        let utc = try cluster(BatchFixtures.cronJob(schedule: "0 9 * * *"))
        try utc.advance(by: .minutes(10 * 60))
        #expect(utc.jobs.map { $0.metadata.name ?? "" } == [Self.jobName(9 * 60)])
    }
}
