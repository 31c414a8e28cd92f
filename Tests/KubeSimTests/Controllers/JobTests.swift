import KubeModel
import Testing
@testable import KubeSim

/// The Job controller's core: pods, completions and parallelism, back-off, deadline, conditions.
/// Upstream: pkg/controller/job/job_controller.go and backoff_utils.go (v1.33),
/// pkg/registry/batch/job/strategy.go; https://kubernetes.io/docs/concepts/workloads/controllers/job/
@Suite("Job controller")
struct JobTests {
    @Test("The API server selects a Job's pods by its uid; pods get job-name and controller-uid labels (both spellings) and a controller reference")
    func generatedSelector() throws {
        let cluster = try cluster(BatchFixtures.job())
        let job = try #require(cluster.job())
        let uid = try #require(job.metadata.uid)
        // strategy.go generateSelector: matchLabels on batch.kubernetes.io/controller-uid only.
        #expect(job.spec?.selector?.matchLabels == ["batch.kubernetes.io/controller-uid": uid])
        let pod = try #require(cluster.pods(ofJob: "pi").first)
        #expect(pod.metadata.labels == ["batch.kubernetes.io/controller-uid": uid, "controller-uid": uid,
                                        "batch.kubernetes.io/job-name": "pi", "job-name": "pi"])
        #expect(pod.metadata.ownerReferences?.first?.controller == true)
        #expect(pod.metadata.ownerReferences?.first?.kind == "Job")
        #expect(pod.metadata.name?.hasPrefix("pi-") == true && pod.metadata.name?.count == 8)
    }

    @Test("manualSelector: true keeps the user's selector and template labels")
    func manualSelector() throws {
        let yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: pi}
            spec:
              manualSelector: true
              selector: {matchLabels: {app: pi}}
              template:
                metadata: {labels: {app: pi}}
                spec:
                  restartPolicy: Never
                  containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "echo hi"]}]
            """
        let cluster = try cluster(yaml)
        #expect(cluster.job()?.spec?.selector?.matchLabels == ["app": "pi"])
        #expect(cluster.job()?.spec?.template.metadata?.labels == ["app": "pi"])
    }

    @Test("A finished Job has SuccessCriteriaMet then Complete (CompletionsReached), completionTime, and the events SuccessfulCreate and Completed")
    func completes() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 5"))
        try cluster.advanceUntilQuiet()
        let job = try #require(cluster.job())
        let status = try #require(job.status)
        // v1.33 adds SuccessCriteriaMet before the terminal Complete, both with the same reason and message.
        #expect(status.conditions?.map(\.type) == ["SuccessCriteriaMet", "Complete"])
        #expect(status.conditions?.allSatisfy { $0.reason == "CompletionsReached" && $0.message == "Reached expected number of succeeded pods" } == true)
        #expect(status.succeeded == 1 && status.failed == nil && status.active == nil)
        #expect(status.ready == 0 && status.terminating == 0 && status.uncountedTerminatedPods == UncountedTerminatedPods())
        let pod = try #require(cluster.pods(ofJob: "pi").first)
        #expect(status.completionTime?.virtualSeconds == pod.finishedAt)
        #expect(status.startTime?.virtualSeconds == pod.createdAt)
        #expect(cluster.events(of: "Job", "pi") == ["SuccessfulCreate: Created pod: \(pod.metadata.name ?? "")", "Completed: Job completed"])
        // The tracking finalizer goes once the pod is counted.
        #expect(pod.metadata.finalizers == nil)
    }

    @Test("backoffLimit 2 with a failing pod: exactly 3 pods, replacements 10 s then 20 s after each failure, then Failed BackoffLimitExceeded")
    func backoffLimit() throws {
        let cluster = try cluster(BatchFixtures.job(script: "exit 1", spec: "  backoffLimit: 2"))
        try cluster.advanceUntilQuiet()
        let pods = cluster.pods(ofJob: "pi")
        try #require(pods.count == 3)
        #expect(pods.allSatisfy { $0.status?.phase == "Failed" })
        // backoff_utils.go: DefaultJobPodFailureBackOff 10 s, doubled per failure since the last success.
        #expect(pods[1].createdAt - pods[0].finishedAt == 10)
        #expect(pods[2].createdAt - pods[1].finishedAt == 20)
        let runTime = pods[0].finishedAt - pods[0].createdAt
        #expect(pods[1].createdAt - pods[0].createdAt == 10 + runTime)
        let status = try #require(cluster.job()?.status)
        #expect(status.failed == 3 && status.succeeded == nil)
        #expect(status.conditions?.map(\.type) == ["FailureTarget", "Failed"])
        let failed = try #require(cluster.condition("Failed"))
        #expect(failed.reason == "BackoffLimitExceeded" && failed.message == "Job has reached the specified backoff limit")
        #expect(status.completionTime == nil)
        #expect(cluster.events(of: "Job", "pi").last == "BackoffLimitExceeded: Job has reached the specified backoff limit")
    }

    @Test("restartPolicy OnFailure: the kubelet restarts the container in the one pod and its restarts count against backoffLimit")
    func onFailureRestartsCount() throws {
        let cluster = try cluster(BatchFixtures.job(script: "exit 1", restartPolicy: "OnFailure", spec: "  backoffLimit: 2"))
        try cluster.advanceUntilQuiet()
        // pastBackoffLimitOnFailure: restarts of running pods ≥ backoffLimit fail the Job.
        #expect(cluster.condition("Failed")?.reason == "BackoffLimitExceeded")
        #expect(cluster.events(of: "Job", "pi").filter { $0.hasPrefix("SuccessfulCreate") }.count == 1)
        #expect(cluster.events(of: "Job", "pi").contains { $0.hasPrefix("SuccessfulDelete") })
        #expect(cluster.job()?.status?.failed == 1)
    }

    @Test("completions 5, parallelism 2: never more than 2 pods active; Complete with 5 succeeded")
    func parallelism() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 5", spec: "  completions: 5\n  parallelism: 2"))
        var sawTwo = false
        try cluster.step(120) { cluster in
            let active = cluster.pods(ofJob: "pi").filter(PodConditions.isActive).count
            #expect(active <= 2)
            #expect((cluster.job()?.status?.active ?? 0) <= 2)
            if active == 2 { sawTwo = true }
        }
        #expect(sawTwo)
        #expect(cluster.pods(ofJob: "pi").count == 5)
        #expect(cluster.job()?.status?.succeeded == 5)
        #expect(cluster.condition("Complete")?.status == "True")
    }

    @Test("activeDeadlineSeconds: FailureTarget DeadlineExceeded at the deadline, active pods deleted; Failed once they have terminated")
    func activeDeadline() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 600", spec: "  activeDeadlineSeconds: 20"))
        let start = try #require(cluster.job()?.status?.startTime?.virtualSeconds)
        try cluster.advance(by: .seconds(21))
        let target = try #require(cluster.condition("FailureTarget"))
        #expect(target.reason == "DeadlineExceeded" && target.message == "Job was active longer than specified deadline")
        #expect(target.lastTransitionTime?.virtualSeconds == start + 20)
        let pod = try #require(cluster.pods(ofJob: "pi").first)
        #expect(pod.metadata.deletionTimestamp != nil)
        // v1.33 delays the terminal condition until no pod is terminating (sh ignores SIGTERM: 30 s grace).
        #expect(cluster.condition("Failed") == nil)
        #expect(cluster.job()?.status?.terminating == 1)
        try cluster.advanceUntilQuiet()
        let failed = try #require(cluster.condition("Failed"))
        #expect(failed.reason == "DeadlineExceeded")
        #expect(cluster.pods(ofJob: "pi").isEmpty)
        #expect(cluster.job()?.status?.failed == 1 && cluster.job()?.status?.terminating == 0)
        #expect(cluster.events(of: "Job", "pi").last == "DeadlineExceeded: Job was active longer than specified deadline")
    }

    @Test("A Job created suspended makes no pods and has no startTime")
    func createdSuspended() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 60", spec: "  suspend: true"))
        try cluster.advance(by: .minutes(1))
        #expect(cluster.pods(ofJob: "pi").isEmpty)
        #expect(cluster.job()?.status?.startTime == nil)
        #expect(cluster.condition("Suspended")?.reason == "JobSuspended")
    }

    @Test("Suspending deletes the active pods without counting them failed; resuming resets startTime and makes new pods")
    func suspendAndResume() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 600"))
        try cluster.advance(by: .seconds(10))
        try cluster.setSuspend(true)
        let suspended = try #require(cluster.condition("Suspended"))
        #expect(suspended.status == "True" && suspended.reason == "JobSuspended" && suspended.message == "Job suspended")
        #expect(cluster.pods(ofJob: "pi").allSatisfy { $0.metadata.deletionTimestamp != nil })
        try cluster.advance(by: .minutes(1))
        #expect(cluster.pods(ofJob: "pi").isEmpty)
        #expect(cluster.job()?.status?.failed == nil)
        let resumedAt = cluster.now.seconds
        try cluster.setSuspend(false)
        let resumed = try #require(cluster.condition("Suspended"))
        #expect(resumed.status == "False" && resumed.reason == "JobResumed" && resumed.message == "Job resumed")
        #expect(cluster.job()?.status?.startTime?.virtualSeconds == resumedAt)
        #expect(cluster.pods(ofJob: "pi").count == 1)
        let events = cluster.events(of: "Job", "pi")
        #expect(events.contains("Suspended: Job suspended") && events.contains("Resumed: Job resumed"))
    }

    @Test("ttlSecondsAfterFinished: the finished Job and its pods are deleted exactly the TTL after it finished")
    func ttlAfterFinished() throws {
        let cluster = try cluster(BatchFixtures.job(spec: "  ttlSecondsAfterFinished: 30"))
        try cluster.advance(by: .seconds(10))
        let finished = try #require(cluster.condition("Complete")?.lastTransitionTime?.virtualSeconds)
        try cluster.advance(by: .seconds(finished + 29 - cluster.now.seconds))
        #expect(cluster.job() != nil)
        try cluster.advance(by: .seconds(1))
        #expect(cluster.job() == nil)
        // Background propagation: the garbage collector removes the pods after the Job.
        #expect(cluster.pods(ofJob: "pi").isEmpty)
    }
    @Test("A work queue (parallelism 2, no completions) starts no pod after the first success and completes when all have exited")
    func workQueue() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 5", spec: "  parallelism: 2"))
        // SetDefaults_Job defaults completions only when parallelism is unset too.
        #expect(cluster.job()?.spec?.completions == nil)
        try cluster.advanceUntilQuiet()
        #expect(cluster.pods(ofJob: "pi").count == 2)
        #expect(cluster.job()?.status?.succeeded == 2)
        #expect(cluster.condition("Complete")?.status == "True")
        #expect(BatchTable.completions(try #require(cluster.job())) == "2/1 of 2")
    }

    @Test("A running pod deleted by someone else counts as failed at once and is replaced (podReplacementPolicy TerminatingOrFailed)")
    func deletedPodReplaced() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 600"))
        #expect(cluster.job()?.spec?.podReplacementPolicy == "TerminatingOrFailed")
        try cluster.advance(by: .seconds(10))
        let first = try #require(cluster.pods(ofJob: "pi").first?.metadata.name)
        try cluster.delete(.pod(first))
        // isPodFailed: a terminating pod that has not succeeded is a failure.
        #expect(cluster.job()?.status?.failed == 1)
        #expect(cluster.job()?.status?.terminating == 1)
        let replacements = cluster.pods(ofJob: "pi").filter { $0.metadata.name != first && PodConditions.isActive($0) }
        #expect(replacements.count == 1)
    }
}
