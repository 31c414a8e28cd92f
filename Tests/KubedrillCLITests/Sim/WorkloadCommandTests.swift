import Foundation
import Testing
@testable import KubedrillCLI

/// StatefulSets and DaemonSets through the command surface, cluster saved between commands.
/// Columns: pkg/printers/internalversion/printers.go v1.33; messages: stateful_pod_control.go.
@Suite("Workload commands")
struct WorkloadCommandTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: nginx
          replicas: 2
          selector: {matchLabels: {app: nginx}}
          template:
            metadata: {labels: {app: nginx}}
            spec:
              containers: [{name: nginx, image: "nginx:1.27"}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "nginx:1.27"}]
        """

    @Test("apply, advance, then get sts and get ds print kubectl's columns; describe sts lists the controller's events")
    func getAndDescribe() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        let url = sandbox.root.appendingPathComponent("sets.yaml")
        try Self.manifests.write(to: url, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["apply", "-f", url.path]).out == "statefulset.apps/web created\ndaemonset.apps/agent created\n")
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        #expect(sandbox.run(["get", "sts"]).out == "NAME   READY   AGE\nweb    2/2     30s\n")
        #expect(sandbox.run(["get", "daemonsets"]).out == """
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            agent   3         3         3       3            3           <none>          30s

            """)
        let described = sandbox.run(["describe", "sts", "web"]).out
        #expect(described.contains("Replicas:           2 desired | 2 total\n"))
        #expect(described.contains("create Pod web-1 in StatefulSet web successful"))
        #expect(sandbox.run(["get", "pods", "-l", "app=nginx", "-o", "name"]).out == "pod/web-0\npod/web-1\n")
    }
}
