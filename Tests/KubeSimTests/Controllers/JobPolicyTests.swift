import KubeModel
import Testing
@testable import KubeSim

/// Indexed completion and the pod failure policy.
/// Upstream: pkg/controller/job/indexed_job_utils.go and pod_failure_policy.go (v1.33);
/// https://kubernetes.io/docs/concepts/workloads/controllers/job/#completion-mode and #pod-failure-policy
@Suite("Job policies")
struct JobPolicyTests {
    @Test("Indexed: pods <job>-<index>-<random> for 0..n-1, each completed once, with the index label, annotation and JOB_COMPLETION_INDEX")
    func indexed() throws {
        let cluster = try cluster(BatchFixtures.job(script: "echo index $JOB_COMPLETION_INDEX",
                                                    spec: "  completions: 3\n  parallelism: 3\n  completionMode: Indexed"))
        try cluster.advanceUntilQuiet()
        let pods = cluster.pods(ofJob: "pi").sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
        try #require(pods.count == 3)
        for (index, pod) in pods.enumerated() {
            let name = try #require(pod.metadata.name)
            #expect(name.hasPrefix("pi-\(index)-") && name.count == "pi-\(index)-".count + 5)
            #expect(pod.metadata.labels?["batch.kubernetes.io/job-completion-index"] == "\(index)")
            #expect(pod.metadata.annotations?["batch.kubernetes.io/job-completion-index"] == "\(index)")
            #expect(pod.spec?.hostname == "pi-\(index)")
            #expect(try cluster.logs(pod: name) == ["index \(index)"])
        }
        let status = try #require(cluster.job()?.status)
        #expect(status.completedIndexes == "0-2")
        #expect(status.succeeded == 3)
        #expect(cluster.condition("Complete")?.status == "True")
    }

    @Test("Indexed with parallelism 1 runs the indexes in order, lowest pending first")
    func indexedInOrder() throws {
        let cluster = try cluster(BatchFixtures.job(script: "sleep 2", spec: "  completions: 3\n  parallelism: 1\n  completionMode: Indexed"))
        try cluster.advanceUntilQuiet()
        let indexes = cluster.pods(ofJob: "pi").map { $0.metadata.annotations?["batch.kubernetes.io/job-completion-index"] ?? "" }
        #expect(indexes == ["0", "1", "2"])
    }

    @Test("completedIndexes is written as sorted ranges: 0-2,4")
    func intervals() {
        #expect(IndexedJobUtils.format([4, 0, 2, 1]) == "0-2,4")
        #expect(IndexedJobUtils.format([1, 3, 5, 6, 7]) == "1,3,5-7")
        #expect(IndexedJobUtils.parse("0-2,4", completions: 10) == [0, 1, 2, 4])
        #expect(IndexedJobUtils.parse("0-2,9", completions: 5) == [0, 1, 2])
    }

    static let failJobOn42 = """
          backoffLimit: 6
          podFailurePolicy:
            rules:
            - action: FailJob
              onExitCodes: {containerName: main, operator: In, values: [42]}
        """

    @Test("podFailurePolicy FailJob on exit code 42 fails the Job after one pod, reason PodFailurePolicy, ignoring backoffLimit")
    func failJob() throws {
        let cluster = try cluster(BatchFixtures.job(script: "exit 42", spec: Self.failJobOn42))
        try cluster.advanceUntilQuiet()
        let pods = cluster.pods(ofJob: "pi")
        try #require(pods.count == 1)
        let failed = try #require(cluster.condition("Failed"))
        #expect(failed.reason == "PodFailurePolicy")
        #expect(failed.message == "Container main for pod default/\(pods[0].metadata.name ?? "") failed with exit code 42 matching FailJob rule at index 0")
        #expect(cluster.condition("FailureTarget")?.reason == "PodFailurePolicy")
    }

    @Test("podFailurePolicy: an exit code the FailJob rule does not list counts against backoffLimit as usual")
    func failJobOtherCode() throws {
        let cluster = try cluster(BatchFixtures.job(script: "exit 1", spec: Self.failJobOn42.replacingOccurrences(of: "backoffLimit: 6", with: "backoffLimit: 1")))
        try cluster.advanceUntilQuiet()
        #expect(cluster.pods(ofJob: "pi").count == 2)
        #expect(cluster.condition("Failed")?.reason == "BackoffLimitExceeded")
    }

    @Test("podFailurePolicy Ignore: matching failures are replaced but counted neither in status.failed nor against backoffLimit")
    func ignore() throws {
        let spec = """
              backoffLimit: 0
              podFailurePolicy:
                rules:
                - action: Ignore
                  onExitCodes: {operator: In, values: [3]}
            """
        let cluster = try cluster(BatchFixtures.job(script: "exit 3", spec: spec))
        try cluster.advance(by: .minutes(2))
        #expect(cluster.pods(ofJob: "pi").count >= 3)
        #expect(cluster.job()?.status?.failed == nil)
        #expect(cluster.condition("Failed") == nil)
        #expect(cluster.job()?.status?.active == 1 || cluster.pods(ofJob: "pi").allSatisfy { $0.status?.phase == "Failed" })
    }

    @Test("podFailurePolicy Count: the failure counts, so backoffLimit 0 fails the Job after one pod")
    func count() throws {
        let spec = """
              backoffLimit: 0
              podFailurePolicy:
                rules:
                - action: Count
                  onExitCodes: {operator: NotIn, values: [0, 3]}
            """
        let cluster = try cluster(BatchFixtures.job(script: "exit 5", spec: spec))
        try cluster.advanceUntilQuiet()
        #expect(cluster.pods(ofJob: "pi").count == 1)
        #expect(cluster.job()?.status?.failed == 1)
        #expect(cluster.condition("Failed")?.reason == "BackoffLimitExceeded")
    }
}
