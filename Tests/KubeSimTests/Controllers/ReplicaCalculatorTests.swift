import KubeModel
import Testing
@testable import KubeSim

/// The replica calculation alone, on hand-made pods (pkg/controller/podautoscaler
/// replica_calculator.go v1.33 and the cases of replica_calculator_test.go): pods request
/// 1000m, metrics are millicores, the clock stands at 10 000 s.
@Suite("HPA replica calculator")
struct ReplicaCalculatorTests {
    static let now = VirtualTime(seconds: 10_000)

    static func pod(_ name: String, phase: String = "Running", ready: Bool = true, readySince: Int64 = 1_000, request: Bool = true) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        var container = Container()
        container.name = "app"
        if request {
            var resources = ResourceRequirements()
            resources.requests = ["cpu": Quantity(milli: 1000)]
            container.resources = resources
        }
        var spec = PodSpec()
        spec.containers = [container]
        pod.spec = spec
        var status = PodStatus()
        status.phase = phase
        status.startTime = VirtualTime(seconds: readySince - 10).rfc3339
        var condition = PodCondition()
        condition.type = "Ready"
        condition.status = ready ? "True" : "False"
        condition.lastTransitionTime = VirtualTime(seconds: readySince).rfc3339
        status.conditions = [condition]
        pod.status = status
        return pod
    }

    static func calculator(_ pods: [Pod], _ metrics: [String: Int64]) -> ReplicaCalculator {
        ReplicaCalculator(pods: pods, metrics: metrics, resource: "cpu", now: now)
    }

    @Test("Without unready or missing pods: ceil(ratio × ready pods); utilization is the integer percent of the summed requests")
    func plainScaleUp() throws {
        let pods = ["a", "b", "c"].map { Self.pod($0) }
        let result = try Self.calculator(pods, ["a": 300, "b": 500, "c": 700]).utilizationReplicas(current: 3, targetUtilization: 25)
        #expect(result.utilization == 50)
        #expect(result.average == 500)
        #expect(result.replicas == 6)  // ceil(3 × 50/25)
    }

    @Test("On a scale-up unready pods count as using nothing: 60% of 2 ready pods against 30% gives 4, not 6 (ScaleUpUnreadyLessScale)")
    func unreadyOnScaleUp() throws {
        let pods = [Self.pod("a", ready: false), Self.pod("b"), Self.pod("c")]
        let result = try Self.calculator(pods, ["a": 300, "b": 500, "c": 700]).utilizationReplicas(current: 3, targetUtilization: 30)
        #expect(result.utilization == 60)
        #expect(result.replicas == 4)  // (0 + 500 + 700) / 3000 = 40% → ceil(3 × 40/30)
    }

    @Test("A pod ready for less than one metrics window within the CPU initialization period is unready; pending pods are unready; deleted pods are ignored")
    func grouping() {
        let fresh = Self.pod("fresh", readySince: Self.now.seconds - 10)
        var deleted = Self.pod("deleted")
        deleted.metadata.deletionTimestamp = Self.now.rfc3339
        let pods = [Self.pod("old"), fresh, Self.pod("pending", phase: "Pending"), deleted, Self.pod("nometrics")]
        let groups = Self.calculator(pods, ["old": 100, "fresh": 100, "deleted": 100]).groupPods()
        #expect(groups.readyCount == 1)
        #expect(groups.unready == ["fresh", "pending"])
        #expect(groups.missing == ["nometrics"])
        #expect(groups.ignored == ["deleted"])
    }

    @Test("The grouping is settled once no CPU sample is within a metrics window of turning ready: time alone then changes no proposal")
    func settledGrouping() {
        let old = Self.pod("old")
        // Ready 10 s ago: unready now, counted once the 15 s window has passed.
        let fresh = Self.pod("fresh", readySince: Self.now.seconds - 10)
        // Never ready, started long ago: unready during the initialization period and after it.
        let neverReady = Self.pod("never", ready: false, readySince: 1_000)
        #expect(Self.calculator([old, neverReady], ["old": 100, "never": 100]).isSettled)
        #expect(!Self.calculator([old, fresh], ["old": 100, "fresh": 100]).isSettled)
        let later = ReplicaCalculator(pods: [old, fresh], metrics: ["old": 100, "fresh": 100], resource: "cpu", now: Self.now + .seconds(5))
        #expect(later.isSettled)
        // Memory has no readiness window.
        #expect(ReplicaCalculator(pods: [old, fresh], metrics: ["old": 100, "fresh": 100], resource: "memory", now: Self.now).isSettled)
    }

    @Test("On a scale-down pods without metrics count as using their whole request, which damps the change")
    func missingOnScaleDown() throws {
        let pods = ["a", "b", "c", "d"].map { Self.pod($0) }
        let result = try Self.calculator(pods, ["a": 400, "b": 95, "c": 95]).utilizationReplicas(current: 4, targetUtilization: 50)
        #expect(result.utilization == 19)
        // (400 + 95 + 95 + 1000) / 4000 = 39% → ceil(4 × 39/50) = 4: no change.
        #expect(result.replicas == 4)
    }

    @Test("Unready pods are left out of a scale-down: ceil(3 ready × 20/50) = 2")
    func unreadyOnScaleDown() throws {
        let pods = [Self.pod("a"), Self.pod("b", ready: false), Self.pod("c", ready: false), Self.pod("d"), Self.pod("e")]
        let result = try Self.calculator(pods, ["a": 100, "b": 300, "c": 500, "d": 250, "e": 250]).utilizationReplicas(current: 5, targetUtilization: 50)
        #expect(result.replicas == 2)
    }

    @Test("AverageValue targets compare the average use with the target: 800m average against 500m on 2 pods gives ceil(2 × 1.6) = 4")
    func averageValue() throws {
        let pods = [Self.pod("a"), Self.pod("b")]
        let result = try Self.calculator(pods, ["a": 700, "b": 900]).averageValueReplicas(current: 2, targetAverage: 500)
        #expect(result.average == 800)
        #expect(result.replicas == 4)
        let within = try Self.calculator(pods, ["a": 520, "b": 530]).averageValueReplicas(current: 2, targetAverage: 500)
        #expect(within.replicas == 2)
    }

    /// The calculator's error message, nil when it did not fail.
    static func failure(_ body: () throws -> Any) -> String? {
        do { _ = try body() } catch let failure as ReplicaCalculator.Failure { return failure.message } catch { return "\(error)" }
        return nil
    }

    @Test("Errors are upstream's: no metrics at all, no ready pod with metrics, a container without a request")
    func errors() {
        #expect(throws: ReplicaCalculator.Failure.self) { try Self.calculator([Self.pod("a")], [:]).utilizationReplicas(current: 1, targetUtilization: 50) }
        #expect(Self.failure { try Self.calculator([Self.pod("a", ready: false)], ["a": 10]).utilizationReplicas(current: 1, targetUtilization: 50) }
            == "did not receive metrics for targeted pods (pods might be unready)")
        #expect(Self.failure { try Self.calculator([Self.pod("a", request: false)], ["a": 10]).utilizationReplicas(current: 1, targetUtilization: 50) }
            == "missing request for cpu in container app of Pod a")
    }
}
