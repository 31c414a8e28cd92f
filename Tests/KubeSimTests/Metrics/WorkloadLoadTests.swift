import KubeModel
import Testing
@testable import KubeSim

/// The simulated load: a workload's total demand, shared by its ready pods, which is what
/// metrics-server reports for them (and so what `kubectl top` and the HPA read).
@Suite("Workload load")
struct WorkloadLoadTests {
    static let key = AutoscalingFixtures.deploymentKey

    @Test("A percentage is of the request times the current replicas, fixed when set: cpu=80% of 2 × 100m is 160m")
    func percentOfRequests() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment(replicas: 2))
        try cluster.advance(by: .seconds(30))
        let load = try cluster.setLoad(Self.key, ["cpu=80%"])
        #expect(load?.cpuMilli == 160)
        #expect(cluster.deployment()?.metadata.annotations?[WorkloadLoad.annotation] == "cpu=160m")
        let usages = cluster.pods(labelled: "web").map { cluster.usage(of: $0).cpuMilli }
        #expect(usages == [80, 80])
        // Scaling out spreads the same total: 160m over 4 pods.
        try cluster.scale(Self.key, replicas: 4)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.pods(labelled: "web").map { cluster.usage(of: $0).cpuMilli } == [40, 40, 40, 40])
    }

    @Test("Shares are equal, the remainder going to the first pods by name, so they add up to the total")
    func shares() {
        #expect((0..<3).map { WorkloadLoad.share(400, count: 3, index: $0) } == [134, 133, 133])
        #expect(WorkloadLoad.share(400, count: 0, index: 0) == 0)
    }

    @Test("Memory is a total in bytes; cpu- removes the CPU value and the pods fall back to the behaviour model")
    func memoryAndRemoval() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment(replicas: 2))
        try cluster.advance(by: .seconds(30))
        try cluster.setLoad(Self.key, ["cpu=300m", "memory=200Mi"])
        #expect(cluster.pods(labelled: "web").map { cluster.usage(of: $0).memoryBytes } == [104_857_600, 104_857_600])
        let left = try cluster.setLoad(Self.key, ["cpu-"])
        #expect(left == WorkloadLoad(memoryBytes: 209_715_200))
        #expect(cluster.pods(labelled: "web").allSatisfy { cluster.usage(of: $0).cpuMilli <= 2 })
    }

    @Test("A percentage needs a request on every container; unknown resources are refused")
    func errors() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment(cpuRequest: false))
        #expect(throws: APIError(reason: "BadRequest", message: "cpu=80% needs a cpu request on every container of deployments.apps/web; give an absolute value such as cpu=300m")) {
            try cluster.setLoad(Self.key, ["cpu=80%"])
        }
        #expect(throws: APIError(reason: "BadRequest", message: "invalid load \"gpu=1\": use cpu=80%, cpu=300m, memory=200Mi, or cpu- to remove")) {
            try cluster.setLoad(Self.key, ["gpu=1"])
        }
    }
}
