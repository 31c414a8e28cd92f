import Foundation
import Testing
@testable import KubedrillCLI

/// `edit` as kubectl edit behaves (pkg/cmd/util/editor/editoptions.go, v1.33): the saved file
/// replaces the object; no change cancels; an invalid edit reopens the file with the errors as
/// comments, and saving it unchanged gives up, keeping a copy.
@Suite("edit")
struct EditCommandTests {
    /// An $EDITOR that runs `sed` script lines on the file, a different one each time it is opened.
    static func editor(in sandbox: Sandbox, _ scripts: [String]) throws -> [String: String] {
        let counter = sandbox.root.appendingPathComponent("editor-count")
        var text = "#!/bin/sh\nn=$(cat '\(counter.path)' 2>/dev/null || echo 0)\necho $((n+1)) > '\(counter.path)'\ncp \"$1\" \"\(sandbox.root.path)/opened-$n.yaml\"\ncase $n in\n"
        for (index, script) in scripts.enumerated() { text += "\(index)) sed -i '\(script)' \"$1\";;\n" }
        text += "esac\n"
        try sandbox.write(text, to: "editor.sh")
        let path = sandbox.root.appendingPathComponent("editor.sh").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return ["EDITOR": path]
    }

    @Test("A saved change replaces the object; saving nothing changed cancels")
    func edits() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx", "--replicas=2"]).status == 0)
        let edited = sandbox.run(["edit", "deploy/web"], variables: try Self.editor(in: sandbox, ["s/replicas: 2/replicas: 4/"]))
        #expect(edited.out == "deployment.apps/web edited\n")
        #expect(sandbox.run(["get", "deploy", "web", "-o", "yaml"]).out.contains("  replicas: 4\n"))
        let opened = try String(contentsOf: sandbox.root.appendingPathComponent("opened-0.yaml"), encoding: .utf8)
        #expect(opened.hasPrefix("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"))
        let untouched = sandbox.run(["edit", "deploy", "web"], variables: ["EDITOR": "true"])
        #expect(untouched.out == "Edit cancelled, no changes made.\n")
    }

    @Test("An invalid edit reopens with the API server's errors on top; fixing it saves, giving up keeps a copy")
    func invalid() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx", "--replicas=2"]).status == 0)
        let fixed = sandbox.run(["edit", "deploy/web"], variables: try Self.editor(in: sandbox, ["s/replicas: 2/replicas: -1/", "s/replicas: -1/replicas: 3/"]))
        #expect(fixed.out == "deployment.apps/web edited\n")
        let reopened = try String(contentsOf: sandbox.root.appendingPathComponent("opened-1.yaml"), encoding: .utf8)
        #expect(reopened.contains("""
            #
            # deployments.apps "web" was not valid:
            # * spec.replicas: Invalid value: -1: must be greater than or equal to 0
            #
            """))
        #expect(sandbox.run(["get", "deploy", "web", "-o", "yaml"]).out.contains("  replicas: 3\n"))
        try? FileManager.default.removeItem(at: sandbox.root.appendingPathComponent("editor-count"))
        let abandoned = sandbox.run(["edit", "deploy/web"], variables: try Self.editor(in: sandbox, ["s/name: web$/name: other/"]))
        #expect(abandoned.status == 1)
        #expect(abandoned.err.contains("error: Edit cancelled, no valid changes were saved."))
        #expect(sandbox.run(["get", "deploy", "web"]).status == 0)
    }
}
