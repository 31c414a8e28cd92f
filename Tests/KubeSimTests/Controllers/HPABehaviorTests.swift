import KubeModel
import Testing
@testable import KubeSim

/// `spec.behavior` (horizontal.go v1.33 `normalizeDesiredReplicasWithBehaviors`,
/// `calculateScaleUpLimitWithScalingRules`, `calculateScaleDownLimitWithBehaviors`; docs
/// "Horizontal Pod Autoscaling", section "Configurable scaling behavior").
@Suite("HorizontalPodAutoscaler behavior")
struct HPABehaviorTests {
    static func scenario(replicas: Int = 2, load: String, behavior: String) throws -> Cluster {
        try HorizontalPodAutoscalerTests.scenario(replicas: replicas, load: load, hpa: AutoscalingFixtures.hpa(behavior: behavior))
    }

    /// The target's spec.replicas after each of the advances, in seconds.
    static func replicas(_ cluster: Cluster, after advances: [Int64]) throws -> [Int32?] {
        try advances.map { seconds in
            try cluster.advance(by: .seconds(seconds))
            return cluster.desiredReplicas
        }
    }

    @Test("A Pods policy of 1 per 60 s adds one pod, then no more until that change leaves the period")
    func podsPolicyPeriod() throws {
        let cluster = try Self.scenario(load: "200%", behavior: """
              behavior:
                scaleUp:
                  policies: [{type: Pods, value: 1, periodSeconds: 60}]
            """)
        #expect(try Self.replicas(cluster, after: [15, 45]) == [3, 3])
        #expect(cluster.hpaCondition("ScalingLimited")?.reason == "ScaleUpLimit")
        #expect(try Self.replicas(cluster, after: [15]) == [4])
    }

    @Test("selectPolicy Min takes the policy allowing the smallest change: min(2+4, 2×200%) = 4")
    func selectPolicyMin() throws {
        let cluster = try Self.scenario(load: "200%", behavior: """
              behavior:
                scaleUp:
                  selectPolicy: Min
                  policies: [{type: Pods, value: 4, periodSeconds: 15}, {type: Percent, value: 100, periodSeconds: 15}]
            """)
        try cluster.advance(by: .seconds(15))
        #expect(cluster.desiredReplicas == 4)
    }

    @Test("selectPolicy Disabled on scale-down keeps the replicas: ScalingLimited True ScaleDownLimit")
    func scaleDownDisabled() throws {
        let cluster = try Self.scenario(replicas: 4, load: "10%", behavior: """
              behavior:
                scaleDown: {selectPolicy: Disabled, stabilizationWindowSeconds: 0}
            """)
        try cluster.advance(by: .seconds(60))
        #expect(cluster.desiredReplicas == 4)
        let limited = try #require(cluster.hpaCondition("ScalingLimited"))
        #expect(limited.status == "True")
        #expect(limited.reason == "ScaleDownLimit")
        #expect(limited.message == "the desired replica count is decreasing faster than the maximum scale rate")
    }

    @Test("A scale-down Percent policy of 50% per 60 s halves the replicas once per period (rounding the kept replicas down)")
    func percentScaleDown() throws {
        let cluster = try Self.scenario(replicas: 8, load: "5%", behavior: """
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 0
                  policies: [{type: Percent, value: 50, periodSeconds: 60}]
            """)
        #expect(try Self.replicas(cluster, after: [15, 45, 15]) == [4, 4, 2])
    }

    @Test("A scale-up stabilization window applies the lowest recommendation of the window (ScaleUpStabilized)")
    func scaleUpStabilization() throws {
        let cluster = try Self.scenario(load: "200%", behavior: """
              behavior:
                scaleUp: {stabilizationWindowSeconds: 60}
            """)
        try cluster.advance(by: .seconds(15))
        // The initial recommendation (2, at the first sync) is the lowest within 60 s.
        #expect(cluster.desiredReplicas == 2)
        #expect(cluster.hpaCondition("AbleToScale")?.reason == "ScaleUpStabilized")
        #expect(cluster.hpaCondition("AbleToScale")?.message == "recent recommendations were lower than current one, applying the lowest recent recommendation")
        try cluster.advance(by: .seconds(60))
        #expect(cluster.desiredReplicas ?? 0 > 2)
    }

    @Test("The API server defaults minReplicas to 1, the metric to CPU at 80%, and a behavior's missing rules to the default policies")
    func defaulting() throws {
        let cluster = try cluster("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 5
              behavior: {scaleDown: {stabilizationWindowSeconds: 60}}
            """)
        let spec = try #require(cluster.hpa?.spec)
        #expect(spec.minReplicas == 1)
        #expect(spec.metrics?.first?.resource?.name == "cpu")
        #expect(spec.metrics?.first?.resource?.target.averageUtilization == 80)
        let up = try #require(spec.behavior?.scaleUp)
        #expect(up.stabilizationWindowSeconds == 0)
        #expect(up.selectPolicy == "Max")
        #expect(up.policies?.map { "\($0.type) \($0.value) \($0.periodSeconds)" } == ["Pods 4 15", "Percent 100 15"])
        let down = try #require(spec.behavior?.scaleDown)
        #expect(down.stabilizationWindowSeconds == 60)
        #expect(down.policies?.map { "\($0.type) \($0.value) \($0.periodSeconds)" } == ["Percent 100 15"])
    }
}
