import KubeModel
import Testing
@testable import KubeSim

/// `kubectl get hpa` TARGETS (printers.go v1.33 `formatHPAMetrics`) and `describe hpa`'s
/// behavior block (describe.go `printDirectionBehavior`).
@Suite("HPA text")
struct AutoscalerTextTests {
    static func resource(_ name: String, utilization: Int32? = nil, average: String? = nil) -> MetricSpec {
        var metric = MetricSpec()
        metric.type = "Resource"
        var source = ResourceMetricSource()
        source.name = name
        source.target.type = utilization == nil ? "AverageValue" : "Utilization"
        source.target.averageUtilization = utilization
        source.target.averageValue = average.flatMap { try? Quantity(parsing: $0) }
        metric.resource = source
        return metric
    }

    @Test("TARGETS: `name: current/target`, <unknown> before a value, at most two metrics then `+ N more...`")
    func targets() {
        let cpu = Self.resource("cpu", utilization: 50)
        #expect(AutoscalerText.targets([cpu], []) == "cpu: <unknown>/50%")
        var status = MetricStatus()
        status.type = "Resource"
        var resource = ResourceMetricStatus()
        resource.name = "cpu"
        resource.current.averageUtilization = 80
        status.resource = resource
        #expect(AutoscalerText.targets([cpu], [status]) == "cpu: 80%/50%")
        let memory = Self.resource("memory", average: "200Mi")
        #expect(AutoscalerText.targets([cpu, memory], [status]) == "cpu: 80%/50%, memory: <unknown>/200Mi")
        #expect(AutoscalerText.targets([cpu, memory, cpu], [status]) == "cpu: 80%/50%, memory: <unknown>/200Mi + 1 more...")
        #expect(AutoscalerText.targets([], []) == "<none>")
    }

    @Test("describe hpa prints the defaulted behavior, policies one per line")
    func describeBehavior() throws {
        let cluster = try cluster(AutoscalingFixtures.deployment() + "\n---\n" + AutoscalingFixtures.hpa(behavior: "  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}"))
        let text = try #require(cluster.hpa.map { AutoscalerText.describe($0, in: cluster.store) })
        #expect(text.contains("""
            Behavior:
              Scale Up:
                Stabilization Window: 0 seconds
                Select Policy: Max
                Policies:
                  - Type: Pods     Value: 4    Period: 15 seconds
                  - Type: Percent  Value: 100  Period: 15 seconds
              Scale Down:
                Stabilization Window: 60 seconds
                Select Policy: Max
                Policies:
                  - Type: Percent  Value: 100  Period: 15 seconds
            """))
        #expect(text.contains("Min replicas:"))
        #expect(!text.contains(HPAHistory.annotation))
    }
}
