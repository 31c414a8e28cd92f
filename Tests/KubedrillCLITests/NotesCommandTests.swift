import Foundation
import Testing
@testable import KubedrillCLI

@Suite("notes, show and search as subcommands")
struct NotesCommandTests {
    @Test("notes lists every note under its topic")
    func notes() throws {
        let result = try Sandbox().run(["notes"])
        #expect(result.status == 0)
        #expect(result.out == """
            Networking
              services     Services

            Workloads
              deployments  Deployments
              pods         Pods

            """)
        #expect(result.err.isEmpty)
    }

    @Test("show renders a note; an unknown name exits 1 with a suggestion")
    func show() throws {
        let sandbox = try Sandbox()
        let shown = sandbox.run(["show", "deploy"])
        #expect(shown.status == 0)
        #expect(shown.out.contains("A Deployment manages ReplicaSets"))
        let missing = sandbox.run(["show", "servics"])
        #expect(missing.status == 1)
        #expect(missing.err == "kubedrill: no note named \"servics\". Did you mean \"Services\"?\n")
    }

    @Test("search ranks notes and prints each matching line, cut to the terminal width around the hit")
    func search() throws {
        let result = try Sandbox().run(["search", "probe"])
        #expect(result.status == 0)
        #expect(result.out == """
            Pods  pods · Content/workloads/pods.md
                8  … share a network namespace. Each container may define a liveness probe.

            """)
        #expect(try Sandbox().run(["search", "etcd"]).status == 1)
    }

    @Test("Usage errors exit 2, --version and --help exit 0")
    func exitCodes() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["notes", "--bogus"]).status == 2)
        #expect(sandbox.run(["show"]).status == 2)
        #expect(sandbox.run(["frobnicate"]).status == 2)
        let version = sandbox.run(["--version"])
        #expect(version.status == 0 && version.out == "\(KubedrillVersion.current)\n")
        let help = sandbox.run(["show", "--help"])
        #expect(help.status == 0 && help.out.contains("USAGE: kubedrill show"))
    }

    @Test("Content problems go to stderr as file:line and do not stop the command")
    func contentProblems() throws {
        var notes = Sandbox.standardNotes
        notes["broken.md"] = "# Broken\n\nSee [[Nowhere]].\n"
        let result = try Sandbox(notes: notes).run(["notes"])
        #expect(result.status == 0)
        #expect(result.err.contains("Content/broken.md:3:5: error: broken wiki link [[Nowhere]]"))
        #expect(result.out.contains("broken"))
    }

    @Test("--content pointing nowhere is a clear failure")
    func missingContent() {
        let env = CommandEnvironment.captured()
        let status = KubedrillMain.run(arguments: ["notes", "--content", "/nonexistent/dir"], environment: env)
        #expect(status == 1)
        #expect(env.err.captured == "kubedrill: content directory /nonexistent/dir does not exist\n")
    }
}
