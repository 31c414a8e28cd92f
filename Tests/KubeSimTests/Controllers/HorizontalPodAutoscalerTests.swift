import KubeModel
import Testing
@testable import KubeSim

/// Upstream: pkg/controller/podautoscaler/horizontal.go and replica_calculator.go (v1.33);
/// docs "Horizontal Pod Autoscaling" (algorithm details, default behavior, stabilization).
@Suite("HorizontalPodAutoscaler controller")
struct HorizontalPodAutoscalerTests {
    /// A Deployment of `replicas` pods requesting 100m, ready, with `load` set, then the HPA.
    static func scenario(replicas: Int = 2, load: String, hpa: String = AutoscalingFixtures.hpa()) throws -> Cluster {
        let cluster = try cluster(AutoscalingFixtures.deployment(replicas: replicas))
        try cluster.advance(by: .seconds(30))
        try cluster.setLoad(AutoscalingFixtures.deploymentKey, ["cpu=\(load)"])
        try cluster.apply(yaml: hpa, file: "hpa.yaml")
        return cluster
    }

    @Test("The HPA is first synced one sync period (15 s) after creation, then every 15 s")
    func syncPeriod() throws {
        let cluster = try Self.scenario(load: "50%")
        try cluster.advance(by: .seconds(14))
        #expect(cluster.hpa?.status?.conditions == nil)
        try cluster.advance(by: .seconds(1))
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ReadyForNewScale")
        #expect(cluster.hpa?.status?.currentReplicas == 2)
        #expect(cluster.hpa?.status?.currentMetrics?.first?.resource?.current.averageUtilization == 50)
    }

    @Test("2 pods at 200% of a 100m request against 50%: ceil(2×200/50) = 8, reached through max(2×2, 4) = 4 (ScaleUpLimit) first")
    func scalesUpToEight() throws {
        let cluster = try Self.scenario(load: "200%")
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 4)
        #expect(cluster.hpaCondition("ScalingLimited")?.status == "True")
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "ScaleUpLimit")
        #expect(cluster.hpaCondition("ScalingLimited")?.message == "the desired replica count is increasing faster than the maximum scale rate")
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "SucceededRescale")
        #expect(cluster.hpaCondition("AbleToScale")?.message == "the HPA controller was able to update the target scale to 4")
        #expect(cluster.hpaCondition("ScalingActive")?.message == "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)")
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 8)
        // The same demand over 8 pods is 50% each: within tolerance, so it stays.
        try cluster.advance(by: .seconds(60))
        #expect(cluster.desiredReplicas == 8)
        #expect(cluster.hpa?.status?.currentMetrics?.first?.resource?.current.averageUtilization == 50)
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale") == [
            "New size: 4; reason: cpu resource utilization (percentage of request) above target",
            "New size: 8; reason: cpu resource utilization (percentage of request) above target",
        ])
        #expect(cluster.hpa?.status?.lastScaleTime != nil)
    }

    @Test("With a behavior, the default scale-up policy allows the larger of +4 pods or +100% per 15 s: 2 → 6 → 8")
    func defaultBehaviorScaleUp() throws {
        let cluster = try Self.scenario(load: "200%", hpa: AutoscalingFixtures.hpa(behavior: "  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}"))
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 6)
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "ScaleUpLimit")
        // The 4 new pods serve the load at once but their CPU samples are ignored for one
        // metrics window after they turn ready; counting them as 0 would reverse the direction,
        // so the next sync keeps 6 and the one after reaches 8 (replica_calculator.go).
        try cluster.advance(by: .seconds(30))
        #expect(cluster.desiredReplicas == 8)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.desiredReplicas == 8)
    }

    @Test("A ratio within the 0.1 tolerance (53% against 50%) changes nothing")
    func tolerance() throws {
        let cluster = try Self.scenario(load: "53%")
        try cluster.advance(by: .seconds(60))
        #expect(cluster.desiredReplicas == 2)
        #expect(cluster.hpa?.status?.currentMetrics?.first?.resource?.current.averageUtilization == 53)
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ReadyForNewScale")
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "DesiredWithinRange")
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale").isEmpty)
    }

    @Test("When the load drops, the highest recommendation of the last 300 s holds (ScaleDownStabilized), then the HPA scales down")
    func scaleDownStabilization() throws {
        let cluster = try Self.scenario(load: "200%")
        try cluster.advance(by: .seconds(90))
        #expect(cluster.desiredReplicas == 8)
        try cluster.setLoad(AutoscalingFixtures.deploymentKey, ["cpu=40m"])
        // The last recommendation of 8 came from the sync just before the drop; the first sync
        // more than 300 s after it may scale down.
        try cluster.advance(by: .seconds(300))
        #expect(cluster.desiredReplicas == 8)
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ScaleDownStabilized")
        #expect(cluster.hpaCondition("AbleToScale")?.message == "recent recommendations were higher than current one, applying the highest recent recommendation")
        try cluster.advance(by: .seconds(15))
        // 40m over 8 pods is 5% of the request: ceil(8×5/50) = 1, the minimum.
        #expect(cluster.desiredReplicas == 1)
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale").last == "New size: 1; reason: All metrics below target")
    }

    @Test("maxReplicas bounds the scale-up: ScalingLimited True TooManyReplicas")
    func maxReplicasClamp() throws {
        let cluster = try Self.scenario(load: "200%", hpa: AutoscalingFixtures.hpa(max: 5))
        try cluster.advance(by: .seconds(60))
        #expect(cluster.desiredReplicas == 5)
        let limited = try #require(cluster.hpaCondition("ScalingLimited"))
        #expect(limited.status == "True")
        #expect(limited.reason == "TooManyReplicas")
        #expect(limited.message == "the desired replica count is more than the maximum replica count")
        #expect(cluster.hpa?.status?.desiredReplicas == 5)
    }

    @Test("Pods without a CPU request: ScalingActive False FailedGetResourceMetric, with calculatePodRequestsFromContainers' message")
    func missingRequest() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment(cpuRequest: false))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: AutoscalingFixtures.hpa(), file: "hpa.yaml")
        try cluster.advance(by: .seconds(15))
        let pod = try #require(cluster.pods(labelled: "web").compactMap(\.metadata.name).sorted().first)
        let active = try #require(cluster.hpaCondition("ScalingActive"))
        #expect(active.status == "False")
        #expect(active.reason == "FailedGetResourceMetric")
        #expect(active.message == "the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container app of Pod \(pod)")
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "FailedGetResourceMetric") == ["failed to get cpu utilization: missing request for cpu in container app of Pod \(pod)"])
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "FailedComputeMetricsReplicas") == [
            "invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container app of Pod \(pod)",
        ])
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "SucceededGetScale")
        #expect(cluster.desiredReplicas == 2)
    }

    @Test("A target that does not exist: AbleToScale False FailedGetScale with the scale client's NotFound")
    func missingTarget() throws {
        let cluster = try cluster(AutoscalingFixtures.hpa(target: "nope"))
        try cluster.advance(by: .seconds(15))
        let able = try #require(cluster.hpaCondition("AbleToScale"))
        #expect(able.status == "False")
        #expect(able.reason == "FailedGetScale")
        #expect(able.message == "the HPA controller was unable to get the target's current scale: deployments.apps \"nope\" not found")
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "FailedGetScale") == ["deployments.apps \"nope\" not found"])
    }

    @Test("Replicas below minReplicas are raised to it without looking at metrics")
    func belowMinReplicas() throws {
        let cluster = try Self.scenario(replicas: 1, load: "10%", hpa: AutoscalingFixtures.hpa(min: 3))
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 3)
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale") == ["New size: 3; reason: Current number of replicas below Spec.MinReplicas"])
    }

    // Upstream resyncs every HPA every 15 s forever (horizontal.go v1.33 `processNextWorkItem`);
    // the simulator skips the syncs that would change nothing, so `advance` can go quiet, and
    // must decide exactly as if it had never skipped one.

    /// Advances to `seconds` after `start` (the HPA's creation).
    static func advance(_ cluster: Cluster, to seconds: Int64, after start: VirtualTime) throws {
        try cluster.advance(by: start + .seconds(seconds) - cluster.now)
    }

    @Test("An HPA at its target changes nothing on a sync, so it stops resyncing and advance goes quiet well before the 10-minute cap")
    func steadyHPAGoesQuiet() throws {
        let cluster = try Self.scenario(load: "50%")
        let start = cluster.now
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.now - start <= .minutes(1))
        #expect(cluster.desiredReplicas == 2)
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ReadyForNewScale")
        #expect(cluster.hpaCondition("ScalingActive")?.reason == "ValidMetricFound")
        #expect(cluster.runner.queue["horizontal-pod-autoscaler"] == nil)
    }

    @Test("An idle HPA held at minReplicas (proposal 1 below min 2: ScalingLimited TooFewReplicas) goes quiet once no higher recommendation is left, and load still wakes it")
    func idleAtMinimumGoesQuiet() throws {
        let cluster = try Self.scenario(load: "5%", hpa: AutoscalingFixtures.hpa(min: 2))
        let start = cluster.now
        #expect(try cluster.advanceUntilQuiet())
        // The first recommendation (the current 2) leaves the 300 s window before the HPA rests.
        #expect(cluster.now - start > .seconds(300) && cluster.now - start <= .minutes(6))
        #expect(cluster.desiredReplicas == 2)
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "TooFewReplicas")
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ReadyForNewScale")
        try cluster.setLoad(AutoscalingFixtures.deploymentKey, ["cpu=400m"])
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 4)
    }

    @Test("An HPA held at maxReplicas by a load above it (ScalingLimited TooManyReplicas) goes quiet at the maximum")
    func busyAtMaximumGoesQuiet() throws {
        let cluster = try Self.scenario(load: "400%", hpa: AutoscalingFixtures.hpa(max: 4))
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.desiredReplicas == 4)
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "TooManyReplicas")
    }

    /// A steady HPA at 50% gone quiet, `change` made at 307 s, the clock at the next 15 s sync
    /// (315 s) after checking that nothing moved before it; returns the cluster and the start.
    static func wakeSteady(_ change: (Cluster) throws -> Void) throws -> (Cluster, VirtualTime) {
        let cluster = try scenario(load: "50%")
        let start = cluster.now
        #expect(try cluster.advanceUntilQuiet())
        try advance(cluster, to: 307, after: start)
        try change(cluster)
        try advance(cluster, to: 314, after: start)
        #expect(cluster.desiredReplicas == 2)
        try advance(cluster, to: 315, after: start)
        return (cluster, start)
    }

    @Test("Raising the load wakes a steady HPA on its 15 s sync grid: 2 → 4 (ScaleUpLimit) → 8, as if it had synced all along")
    func loadWakesSteadyHPA() throws {
        // Four times the demand: 200% of the two pods' requests.
        let (cluster, start) = try Self.wakeSteady { try $0.setLoad(AutoscalingFixtures.deploymentKey, ["cpu=400m"]) }
        #expect(cluster.desiredReplicas == 4)
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "ScaleUpLimit")
        try Self.advance(cluster, to: 330, after: start)
        #expect(cluster.desiredReplicas == 8)
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.desiredReplicas == 8)
        #expect(cluster.hpa?.status?.currentMetrics?.first?.resource?.current.averageUtilization == 50)
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale") == [
            "New size: 4; reason: cpu resource utilization (percentage of request) above target",
            "New size: 8; reason: cpu resource utilization (percentage of request) above target",
        ])
    }

    @Test("Editing a steady HPA's spec (a new generation) wakes it: 50% against a 25% target gives ceil(2×50/25) = 4 on the next 15 s sync")
    func specChangeWakesSteadyHPA() throws {
        let (cluster, _) = try Self.wakeSteady { try $0.apply(yaml: AutoscalingFixtures.hpa(cpuPercent: 25), file: "hpa.yaml") }
        #expect(cluster.desiredReplicas == 4)
    }

    @Test("After a quiet spell the syncs skipped still count as recommendations: a drop waits out the 300 s window from the last 15 s sync before it")
    func scaleDownAfterQuietWaitsOutWindow() throws {
        let cluster = try Self.scenario(load: "200%")
        let start = cluster.now
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.desiredReplicas == 8)
        try Self.advance(cluster, to: 605, after: start)
        try cluster.setLoad(AutoscalingFixtures.deploymentKey, ["cpu=40m"])
        // The sync due at 600 s would have recommended 8; the first sync more than 300 s after
        // it may scale down. Until then the HPA keeps its 15 s resync.
        try Self.advance(cluster, to: 900, after: start)
        #expect(cluster.desiredReplicas == 8)
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ScaleDownStabilized")
        #expect(HPAHistory(try #require(cluster.hpa)).lastSync == (start + .seconds(900)).seconds)
        try Self.advance(cluster, to: 915, after: start)
        #expect(cluster.desiredReplicas == 1)
        #expect(cluster.eventMessages(AutoscalingFixtures.hpaKey, reason: "SuccessfulRescale").last == "New size: 1; reason: All metrics below target")
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.desiredReplicas == 1)
    }

    @Test("An HPA whose metric fails keeps its 15 s resync (each sync emits its Warning again), so advance runs to the cap")
    func failingHPAKeepsResyncing() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment(cpuRequest: false))
        try cluster.advance(by: .seconds(30))
        try cluster.apply(yaml: AutoscalingFixtures.hpa(), file: "hpa.yaml")
        #expect(try !cluster.advanceUntilQuiet(cap: .minutes(2)))
        #expect(cluster.runner.queue["horizontal-pod-autoscaler"]?[AutoscalingFixtures.hpaKey] != nil)
    }
}
