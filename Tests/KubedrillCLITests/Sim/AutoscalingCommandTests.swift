import Foundation
import Testing
@testable import KubedrillCLI

/// `load`, `autoscale`, `get/describe hpa`, `get pdb` and `node drain` through the command
/// surface, the cluster saved between commands. Columns: printers.go v1.33
/// (`printHorizontalPodAutoscaler`, `formatHPAMetrics`, `printPodDisruptionBudget`).
@Suite("Autoscaling and disruption commands")
struct AutoscalingCommandTests {
    static func deployment(replicas: Int) -> String { AutoscalingBenchmark.deployment(replicas: replicas, cpu: "100m") }

    static func apply(_ yaml: String, in sandbox: Sandbox) throws {
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        let url = sandbox.root.appendingPathComponent("manifest.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["apply", "-f", url.path]).status == 0)
    }

    @Test("load spreads a total over the ready pods; autoscale creates an HPA whose TARGETS read <unknown> until the first sync")
    func loadAndAutoscale() throws {
        let sandbox = try Sandbox()
        try Self.apply(Self.deployment(replicas: 2), in: sandbox)
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        #expect(sandbox.run(["load", "web", "cpu=200%"]).out == "deployment.apps/web load set: cpu=400m in total, shared by its ready pods\n")
        let top = sandbox.run(["top", "pods"]).out
        #expect(top.components(separatedBy: "200m").count == 3)
        #expect(sandbox.run(["autoscale", "deployment", "web", "--cpu-percent=50", "--max=10"]).out == "horizontalpodautoscaler.autoscaling/web autoscaled\n")
        #expect(sandbox.run(["get", "hpa"]).out == """
            NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE
            web    Deployment/web   cpu: <unknown>/50%   1         10        0          0s

            """)
        #expect(sandbox.run(["advance", "15s"]).status == 0)
        #expect(sandbox.run(["get", "hpa"]).out.contains("web    Deployment/web   cpu: 200%/50%   1         10        2          15s"))
        let described = sandbox.run(["describe", "hpa", "web"]).out
        #expect(described.contains("resource cpu on pods  (as a percentage of request):  200% (200m) / 50%\n"))
        #expect(described.contains("Deployment pods:"))
        #expect(described.contains("SucceededRescale  the HPA controller was able to update the target scale to 4"))
        #expect(described.contains("New size: 4; reason: cpu resource utilization (percentage of request) above target"))
        #expect(sandbox.run(["autoscale", "deployment", "web", "--min=3", "--max=2"]).status != 0)
    }

    @Test("get pdb prints MIN AVAILABLE, MAX UNAVAILABLE (N/A when unset) and ALLOWED DISRUPTIONS; node drain prints kubectl's lines")
    func pdbAndDrain() throws {
        let sandbox = try Sandbox()
        try Self.apply(Self.deployment(replicas: 3) + """

            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            """, in: sandbox)
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        #expect(sandbox.run(["get", "pdb"]).out == """
            NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
            web    2               N/A               1                     30s

            """)
        let described = sandbox.run(["describe", "pdb", "web"]).out
        #expect(described.contains("Min available:  2\n"))
        #expect(described.contains("    Allowed disruptions:  1\n"))
        let drain = sandbox.run(["node", "worker-1", "drain"])
        #expect(drain.status == 0)
        #expect(drain.out.hasPrefix("node/worker-1 cordoned\nevicting pod default/web-"))
        #expect(drain.out.hasSuffix(" evicted\nnode/worker-1 drained\n"))
        #expect(sandbox.run(["get", "nodes"]).out.contains("worker-1        Ready,SchedulingDisabled"))
    }
}
