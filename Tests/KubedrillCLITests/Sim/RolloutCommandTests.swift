import Foundation
import Testing
@testable import KubedrillCLI

/// `rollout`, `scale` and `set image` in-process, with kubectl v1.33's lines
/// (pkg/cmd/rollout, pkg/cmd/scale, pkg/cmd/set; polymorphichelpers/rollout_status.go).
@Suite("Rollout commands")
struct RolloutCommandTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}]
        """

    func applied() throws -> Sandbox {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        let url = sandbox.root.appendingPathComponent("web.yaml")
        try Self.deployment.write(to: url, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["apply", "-f", url.path]).out == "deployment.apps/web created\n")
        return sandbox
    }

    @Test("set image, then rollout status advances the clock printing kubectl's messages until \"successfully rolled out\"")
    func setImageAndStatus() throws {
        let sandbox = try applied()
        #expect(sandbox.run(["rollout", "status", "deploy/web"]).out.hasSuffix("deployment \"web\" successfully rolled out\n"))
        #expect(sandbox.run(["set", "image", "deploy/web", "nginx=nginx:1.28"]).out == "deployment.apps/web image updated\n")
        let status = sandbox.run(["rollout", "status", "deployment", "web"])
        #expect(status.status == 0)
        let lines = status.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")
        #expect(lines.last == "deployment \"web\" successfully rolled out")
        let table = sandbox.run(["get", "deploy", "-o", "wide"]).out.split(separator: "\n").map(String.init)
        #expect(table.first?.split(separator: " ", omittingEmptySubsequences: true) == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
        #expect(table.last?.split(separator: " ", omittingEmptySubsequences: true).map(String.init).enumerated().filter { $0.offset != 4 }.map(\.element)
                == ["web", "3/3", "3", "3", "nginx", "nginx:1.28", "app=web"])
        let sets = sandbox.run(["get", "rs"]).out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(sets.first == ["NAME", "DESIRED", "CURRENT", "READY", "AGE"])
        #expect(sets.dropFirst().map { Array($0[1...3]) }.sorted { $0[0] < $1[0] } == [["0", "0", "0"], ["3", "3", "3"]])
    }

    @Test("rollout history lists revisions; rollout undo prints \"rolled back\" and the previous revision comes back as revision 3")
    func historyAndUndo() throws {
        let sandbox = try applied()
        _ = sandbox.run(["set", "image", "deploy/web", "nginx=nginx:1.28"])
        _ = sandbox.run(["rollout", "status", "deploy/web"])
        #expect(sandbox.run(["rollout", "history", "deploy/web"]).out == "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
        #expect(sandbox.run(["rollout", "undo", "deploy/web"]).out == "deployment.apps/web rolled back\n")
        _ = sandbox.run(["rollout", "status", "deploy/web"])
        #expect(sandbox.run(["rollout", "history", "deploy/web"]).out == "deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n")
        let missing = sandbox.run(["rollout", "undo", "deploy/web", "--to-revision", "1"])
        #expect(missing.status == 1)
        #expect(missing.err == "kubedrill: error: unable to find specified revision 1 in history\n")
    }

    @Test("scale prints \"scaled\"; scaling a DaemonSet fails with the API server's NotFound for the missing scale subresource")
    func scale() throws {
        let sandbox = try applied()
        #expect(sandbox.run(["scale", "deploy/web", "--replicas=5"]).out == "deployment.apps/web scaled\n")
        _ = sandbox.run(["advance", "30s"])
        #expect(sandbox.run(["get", "deploy", "web"]).out.contains("5/5"))
        let url = sandbox.root.appendingPathComponent("ds.yaml")
        try """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: agent, image: "busybox:1.36"}]}
            """.write(to: url, atomically: true, encoding: .utf8)
        _ = sandbox.run(["apply", "-f", url.path])
        let daemonSet = sandbox.run(["scale", "ds/agent", "--replicas=2"])
        #expect(daemonSet.status == 1)
        #expect(daemonSet.err == "kubedrill: Error from server (NotFound): the server could not find the requested resource (get daemonsets agent)\n")
    }

    @Test("rollout pause / resume / restart print kubectl's verbs; a second pause is an error")
    func pauseResumeRestart() throws {
        let sandbox = try applied()
        #expect(sandbox.run(["rollout", "pause", "deploy/web"]).out == "deployment.apps/web paused\n")
        let again = sandbox.run(["rollout", "pause", "deploy/web"])
        #expect(again.status == 1)
        #expect(again.err == "kubedrill: error: deployments.apps \"web\" is already paused\n")
        #expect(sandbox.run(["rollout", "resume", "deploy/web"]).out == "deployment.apps/web resumed\n")
        #expect(sandbox.run(["rollout", "restart", "deploy/web"]).out == "deployment.apps/web restarted\n")
    }

    @Test("describe deployment prints kubectl's Replicas, StrategyType, RollingUpdateStrategy, Conditions and ReplicaSet lines")
    func describe() throws {
        let sandbox = try applied()
        _ = sandbox.run(["rollout", "status", "deploy/web"])
        let text = sandbox.run(["describe", "deployment", "web"]).out
        let hash = sandbox.run(["get", "rs", "-o", "name"]).out.split(separator: "-").last.map { $0.trimmingCharacters(in: .newlines) } ?? ""
        #expect(text.hasPrefix("Name:                   web\nNamespace:              default\n"))
        #expect(text.contains("\nReplicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n"))
        #expect(text.contains("\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n"))
        #expect(text.contains("\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\n"))
        #expect(text.contains("\nOldReplicaSets:  <none>\nNewReplicaSet:   web-\(hash) (3/3 replicas created)\n"))
        #expect(text.contains("  Normal  ScalingReplicaSet  "))
        #expect(text.contains("deployment-controller  Scaled up replica set web-\(hash) from 0 to 3\n"))
    }

    @Test("In the shell, `kubectl rollout status deploy/web` works like the command")
    func repl() throws {
        let sandbox = try applied()
        let result = sandbox.run([], input: ["kubectl rollout status deploy/web", "kubectl scale deploy/web --replicas=1"])
        #expect(result.out.contains("deployment \"web\" successfully rolled out\n"))
        #expect(result.out.contains("deployment.apps/web scaled\n"))
    }
}
