import Foundation
import Testing
@testable import KubedrillCLI

/// `validate` and `explain` run in-process, as from the shell and the REPL.
struct ValidateCommandTests {
    func write(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubedrill-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    let invalid = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replica: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx
        """

    @Test("An invalid manifest prints file:line:col: path: message and exits 1")
    func invalidExitsOne() throws {
        let path = try write(invalid, name: "deploy.yaml")
        let env = CommandEnvironment.captured()
        let status = KubedrillMain.run(arguments: ["validate", path], environment: env)
        #expect(status == 1)
        #expect(env.out.captured.contains("\(path):6:3: spec.replica: unknown field \"replica\" (did you mean \"replicas\"?)"))
        #expect(env.out.captured.contains("1 document checked, 1 invalid"))
    }

    @Test("A valid file exits 0")
    func validExitsZero() throws {
        let path = try write("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n", name: "ns.yaml")
        let env = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["validate", path], environment: env) == 0)
        #expect(env.out.captured.contains("document 1 (Namespace/team-a) valid"))
    }

    @Test("--format json prints one object per document with the documented keys")
    func json() throws {
        let path = try write(invalid + "\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n", name: "two.yaml")
        let env = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["validate", "--format", "json", path], environment: env) == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(env.out.captured.utf8)) as? [[String: Any]]
        let documents = try #require(parsed)
        #expect(documents.count == 2)
        #expect(Set(documents[0].keys) == ["file", "document", "apiVersion", "kind", "name", "valid", "errors"])
        #expect(documents[0]["valid"] as? Bool == false)
        #expect(documents[1]["valid"] as? Bool == true)
        let error = try #require((documents[0]["errors"] as? [[String: Any]])?.first)
        #expect(error["line"] as? Int == 6 && error["column"] as? Int == 3 && error["path"] as? String == "spec.replica")
    }

    @Test("A YAML syntax error shows the line and a caret under the column")
    func caret() throws {
        let path = try write("a: [1, 2\nb: 3\n", name: "bad.yaml")
        let env = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["validate", path], environment: env) == 1)
        #expect(env.out.captured.contains("    b: 3\n     ^\n"))
    }

    @Test("No file is a usage error (exit 2)")
    func usage() {
        let env = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["validate"], environment: env) == 2)
    }

    @Test("explain prints kubectl-style field documentation; unknown fields exit 1")
    func explain() {
        let env = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["explain", "deployment.spec.replicas"], environment: env) == 0)
        #expect(env.out.captured.contains("FIELD: replicas <integer>"))
        let failing = CommandEnvironment.captured()
        #expect(KubedrillMain.run(arguments: ["explain", "pod.spec.contaners"], environment: failing) == 1)
        #expect(failing.err.captured.contains("did you mean \"containers\""))
    }
}
