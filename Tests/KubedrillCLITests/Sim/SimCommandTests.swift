import Foundation
import Testing
@testable import KubedrillCLI

/// The simulator's command surface, run in-process like the shell runs it.
@Suite("Simulator commands")
struct SimCommandTests {
    static let pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          nodeName: worker-1
          containers: [{name: nginx, image: "nginx:1.27"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: crash}
        spec:
          nodeName: worker-2
          containers: [{name: app, image: "busybox:1.36", command: [sh, -c, "echo hello; sleep 5; exit 2"]}]
        """

    func manifest(_ sandbox: Sandbox, _ text: String = Self.pods, name: String = "pods.yaml") throws -> String {
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        let url = sandbox.root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("apply prints kubectl's lines; get pods shows NAME READY STATUS RESTARTS AGE; the cluster persists between commands")
    func applyAndGet() throws {
        let sandbox = try Sandbox()
        let path = try manifest(sandbox)
        let applied = sandbox.run(["apply", "-f", path])
        #expect(applied.status == 0)
        #expect(applied.out == "pod/web created\npod/crash created\n")
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        let listed = sandbox.run(["get", "pods"]).out.split(separator: "\n").map(String.init)
        #expect(listed.first?.hasPrefix("NAME    READY   STATUS             RESTARTS") == true)
        #expect(listed.first?.hasSuffix("   AGE") == true)
        #expect(listed.contains { $0.hasPrefix("web     1/1     Running            0") })
        #expect(listed.contains { $0.hasPrefix("crash   0/1     CrashLoopBackOff   2 (") })
        #expect(sandbox.run(["get", "pods", "-l", "app=web", "-o", "name"]).out == "pod/web\n")
    }

    @Test("logs prints the behaviour model's output; --previous before any restart is an error as in kubectl")
    func logs() throws {
        let sandbox = try Sandbox()
        _ = sandbox.run(["apply", "-f", try manifest(sandbox)])
        _ = sandbox.run(["advance", "3s"])
        #expect(sandbox.run(["logs", "crash"]).out == "hello\n")
        let previous = sandbox.run(["logs", "web", "--previous"])
        #expect(previous.status == 1)
        #expect(previous.err == "kubedrill: Error from server (BadRequest): previous terminated container \"nginx\" in pod \"web\" not found\n")
    }

    @Test("In the shell, kubectl-prefixed lines act on one cluster across lines")
    func replSession() throws {
        let sandbox = try Sandbox()
        let path = try manifest(sandbox)
        let result = sandbox.run([], input: ["kubectl apply -f \(path)", "advance 10s", "kubectl get pod web -o name", "kubectl delete pod web --grace-period 0", "get pods -o name"])
        #expect(result.out.contains("pod/web created\n"))
        #expect(result.out.contains("pod/web\npod \"web\" deleted\npod/crash\n"))
    }

    @Test("sim run --format json prints {time, objects, events}; pods carry their status")
    func simRunJSON() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["sim", "run", try manifest(sandbox), "--advance", "20s", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["time"] as? Int == 20)
        let objects = try #require(json["objects"] as? [[String: Any]])
        let web = try #require(objects.first { ($0["metadata"] as? [String: Any])?["name"] as? String == "web" })
        #expect((web["status"] as? [String: Any])?["phase"] as? String == "Running")
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.contains { $0["reason"] as? String == "Started" && $0["object"] as? String == "Pod/web" })
        #expect(Set(events.first?.keys.map { $0 } ?? []) == ["time", "type", "reason", "object", "message"])
    }

    @Test("sim run of an invalid manifest exits 1 and reports file:line:col, as JSON with --format json")
    func simRunInvalid() throws {
        let sandbox = try Sandbox()
        let path = try manifest(sandbox, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: nginx, bogus: 1}]\n", name: "bad.yaml")
        let text = sandbox.run(["sim", "run", path])
        #expect(text.status == 1)
        #expect(text.err.hasPrefix("\(path):5:"))
        let json = sandbox.run(["sim", "run", path, "--format", "json"])
        #expect(json.status == 1)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let errors = try #require(parsed["errors"] as? [[String: Any]])
        #expect(errors.first?["line"] as? Int == 5)
    }

    @Test("An admission rejection names the file, as kubectl does: error when creating \"…\"")
    func admissionError() throws {
        let sandbox = try Sandbox()
        let path = try manifest(sandbox, "apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: nope}\nspec:\n  containers: [{name: a, image: nginx}]\n", name: "ns.yaml")
        let result = sandbox.run(["apply", "-f", path])
        #expect(result.status == 1)
        #expect(result.err == "kubedrill: Error from server (NotFound): error when creating \"\(path)\": namespaces \"nope\" not found\n")
    }

    @Test("get -o yaml prints the object with sorted keys, as kubectl does")
    func yaml() throws {
        let sandbox = try Sandbox()
        _ = sandbox.run(["apply", "-f", try manifest(sandbox)])
        let out = sandbox.run(["get", "pod", "web", "-o", "yaml"]).out
        #expect(out.hasPrefix("apiVersion: v1\nkind: Pod\nmetadata:\n"))
        #expect(out.contains("\n  creationTimestamp: \"2026-01-01T00:00:00Z\"\n"))
        #expect(out.contains("\n  containers:\n  - image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    name: nginx\n"))
    }
}
