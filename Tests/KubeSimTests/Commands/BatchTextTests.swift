import KubeModel
import Testing
@testable import KubeSim

/// `kubectl get` and `describe` of Jobs and CronJobs (pkg/printers/internalversion/printers.go
/// `printJob`, `printCronJob`; k8s.io/kubectl/pkg/describe/describe.go `describeJob`,
/// `describeCronJob`; v1.33).
@Suite("Batch text")
struct BatchTextTests {
    @Test("get jobs: NAME STATUS COMPLETIONS DURATION AGE; Running while active, Complete with a fixed duration, Failed keeps counting")
    func jobTable() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 30", spec: "  completions: 2") + "\n---\n"
                                  + BatchFixtures.job("broken", script: "exit 1", spec: "  backoffLimit: 0"))
        try cluster.advance(by: .seconds(5))
        var table = ResourceTable.make(cluster.store.list(kind: "Job", namespace: "default"), kind: "Job", now: cluster.now)
        #expect(table.header == ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"])
        #expect(table.rows.last == ["pi", "Running", "0/2", "5s", "5s"])
        try cluster.advance(by: .minutes(2))
        table = ResourceTable.make(cluster.store.list(kind: "Job", namespace: "default"), kind: "Job", now: cluster.now)
        let pi = try #require(cluster.job())
        let duration = (pi.status?.completionTime?.virtualSeconds ?? 0) - (pi.status?.startTime?.virtualSeconds ?? 0)
        #expect(table.rows.last == ["pi", "Complete", "2/2", "\(duration)s", "2m5s"])
        // No completionTime on a failed Job: DURATION runs on to now.
        #expect(table.rows.first == ["broken", "Failed", "0/1", "2m5s", "2m5s"])
        let wide = ResourceTable.make([.job(pi)], kind: "Job", now: cluster.now, wide: true)
        #expect(wide.header.suffix(3) == ["CONTAINERS", "IMAGES", "SELECTOR"])
        #expect(wide.rows.first?.suffix(3) == ["main", "busybox:1.36", "batch.kubernetes.io/controller-uid=\(pi.metadata.uid ?? "")"])
    }

    @Test("get cronjobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE")
    func cronJobTable() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 120"))
        var table = ResourceTable.make(cluster.store.list(kind: "CronJob", namespace: "default"), kind: "CronJob", now: cluster.now)
        #expect(table.header == ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"])
        #expect(table.rows == [["hello", "*/5 * * * *", "<none>", "False", "0", "<none>", "0s"]])
        try cluster.advance(by: .minutes(6))
        table = ResourceTable.make(cluster.store.list(kind: "CronJob", namespace: "default"), kind: "CronJob", now: cluster.now)
        #expect(table.rows == [["hello", "*/5 * * * *", "<none>", "False", "1", "60s", "6m"]])
    }

    @Test("describe job: parallelism, completions, backoff limit, start and completion times, Pods Statuses with Ready, the template and events")
    func describeJob() throws {
        let cluster = try cluster(BatchFixtures.job(script: "echo done"))
        try cluster.advance(by: .seconds(10))
        let job = try #require(cluster.job())
        let uid = job.metadata.uid ?? ""
        let pod = try #require(cluster.pods(ofJob: "pi").first)
        let text = DescribeText.describe(.job(job), in: cluster.store)
        let start = DescribeText.time(job.status?.startTime), end = DescribeText.time(job.status?.completionTime)
        #expect(text.hasPrefix("""
            Name:             pi
            Namespace:        default
            Selector:         batch.kubernetes.io/controller-uid=\(uid)
            Labels:           batch.kubernetes.io/controller-uid=\(uid)
                              batch.kubernetes.io/job-name=pi
                              controller-uid=\(uid)
                              job-name=pi
            Annotations:      <none>
            Parallelism:      1
            Completions:      1
            Completion Mode:  NonIndexed
            Suspend:          false
            Backoff Limit:    6
            Start Time:       \(start)
            Completed At:     \(end)
            Duration:         \(Age.human(VirtualTime(seconds: job.status?.completionTime?.virtualSeconds ?? 0) - VirtualTime(seconds: job.status?.startTime?.virtualSeconds ?? 0)))
            Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
            Pod Template:
            """))
        #expect(text.contains("Normal  SuccessfulCreate"))
        #expect(text.contains("job-controller  Created pod: \(pod.metadata.name ?? "")"))
        #expect(text.contains("Job completed"))
    }

    @Test("describe cronjob: schedule, policies, history limits, the job template, last schedule time and active jobs")
    func describeCronJob() throws {
        let cluster = try cluster(BatchFixtures.cronJob(script: "sleep 120"))
        try cluster.advance(by: .minutes(6))
        let cronJob = try #require(cluster.cronJob())
        let text = DescribeText.describe(.cronJob(cronJob), in: cluster.store)
        #expect(text.hasPrefix("""
            Name:                          hello
            Namespace:                     default
            Labels:                        <none>
            Annotations:                   <none>
            Schedule:                      */5 * * * *
            Concurrency Policy:            Allow
            Suspend:                       False
            Successful Job History Limit:  3
            Failed Job History Limit:      1
            Starting Deadline Seconds:     <unset>
            Selector:                      <unset>
            Parallelism:                   1
            Completions:                   1
            Pod Template:
            """))
        #expect(text.contains("Last Schedule Time:  Thu, 01 Jan 2026 00:05:00 +0000\nActive Jobs:         \(CronJobTests.jobName(5))\n"))
        #expect(text.contains("SuccessfulCreate  60s   cronjob-controller  Created job \(CronJobTests.jobName(5))"))
    }
}
