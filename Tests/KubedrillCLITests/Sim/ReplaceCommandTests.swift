import Foundation
import Testing
@testable import KubedrillCLI

/// `replace -f` and `replace --force -f` (kubectl replace, v1.33). A Pod's spec is immutable
/// but for images and a few fields (the API server's ValidatePodUpdate), so changing its
/// command needs --force: delete, wait until the old pod is gone, create.
@Suite("replace")
struct ReplaceCommandTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: box}
        spec:
          containers: [{name: main, image: "busybox:1.36", command: [sleep, "3600"]}]
        """

    @Test("replace refuses a Pod's immutable change; replace --force deletes and recreates it")
    func force() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.pod, to: "pod.yaml")
        let file = sandbox.root.appendingPathComponent("pod.yaml").path
        #expect(sandbox.run(["apply", "-f", file]).status == 0)
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        let uid = sandbox.run(["get", "pod", "box", "-o", "yaml"]).out.split(separator: "\n").first { $0.hasPrefix("  uid: ") }
        try sandbox.write(Self.pod.replacingOccurrences(of: "\"3600\"", with: "\"60\""), to: "pod.yaml")
        let refused = sandbox.run(["replace", "-f", file])
        #expect(refused.status == 1 && refused.err.contains("pod updates may not change fields other than"))
        let forced = sandbox.run(["replace", "--force", "--grace-period=0", "-f", file])
        #expect(forced.out == "pod \"box\" deleted\npod/box replaced\n")
        let yaml = sandbox.run(["get", "pod", "box", "-o", "yaml"]).out
        #expect(yaml.contains("    - \"60\"\n"))
        #expect(uid != nil && yaml.split(separator: "\n").first { $0.hasPrefix("  uid: ") } != uid)
    }

    @Test("replace of a Deployment changes it in place; an object that is not there is an error")
    func inPlace() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx", "--replicas=1"]).status == 0)
        let yaml = sandbox.run(["create", "deployment", "web", "--image=nginx", "--replicas=3", "--dry-run=client", "-o", "yaml"]).out
        try sandbox.write(yaml, to: "web.yaml")
        let file = sandbox.root.appendingPathComponent("web.yaml").path
        #expect(sandbox.run(["replace", "-f", file]).out == "deployment.apps/web replaced\n")
        #expect(sandbox.run(["get", "deploy", "web", "-o", "yaml"]).out.contains("  replicas: 3\n"))
        #expect(sandbox.run(["delete", "deploy", "web"]).status == 0)
        #expect(sandbox.run(["replace", "-f", file]).err.contains("deployments.apps \"web\" not found"))
    }
}
