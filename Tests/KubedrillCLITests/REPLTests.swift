import Foundation
import Testing
import Terminal
@testable import KubedrillCLI

@Suite("The shell")
struct REPLTests {
    @Test("Piped commands run one per line with no prompt and no escape sequences")
    func pipedSession() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run([], input: ["notes", "", "show services", "nonsense", "quit", "notes"])
        #expect(result.out == """
            Networking
              services     Services

            Workloads
              deployments  Deployments
              pods         Pods
            Services
            ════════

            A Service gives pods a stable virtual IP.

            """)
        #expect(result.err == "kubedrill: unknown command \"nonsense\". Type help for the list.\n")
        #expect(!result.out.contains("\u{1B}"))
    }

    @Test("help lists every command with its summary; help <command> shows its options")
    func help() throws {
        let sandbox = try Sandbox()
        let list = sandbox.run([], input: ["help"]).out
        #expect(list.contains("  notes           List the notes, grouped by topic.\n"))
        #expect(list.contains("  quit            Leave the shell (Ctrl-D works too).\n"))
        let one = sandbox.run([], input: ["help search"]).out
        #expect(one.contains("USAGE: kubedrill search"))
        #expect(one.contains("--limit <limit>"))
    }

    @Test("kubectl-prefixed lines run the same command, quotes group words, usage errors do not end the shell")
    func lineParsing() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run([], input: ["kubectl show \"services\"", "notes --bogus", "search 'stable virtual'"])
        #expect(result.out.contains("A Service gives pods a stable virtual IP."))
        #expect(result.out.contains("Services  services · Content/networking/services.md"))
        #expect(result.err.contains("Unknown option '--bogus'"))
        let unterminated = sandbox.run([], input: ["show \"oops", "notes > x.txt"])
        #expect(unterminated.err == """
            kubedrill: unterminated double quote (") in the command
            kubedrill: the shell runs one command per line; "> x.txt" (pipes, redirections, ;) is not supported here

            """)
    }

    @Test("Tab completes commands, note names, and paths")
    func completion() throws {
        let sandbox = try Sandbox()
        let env = CommandEnvironment.captured()
        let library = env.library(at: sandbox.content)
        let completer = Completer(library: { library }, currentDirectory: sandbox.root.path)
        #expect(completer.candidates(for: "not") == ["notes"])
        #expect(completer.candidates(for: "no") == ["node", "notes"])
        #expect(completer.candidates(for: "sea") == ["search"])
        #expect(completer.candidates(for: "se") == ["search", "set"])
        #expect(completer.candidates(for: "sh") == ["show"])
        #expect(completer.candidates(for: "show ") == ["deployments", "pods", "services"])
        #expect(completer.candidates(for: "show p") == ["pods"])
        #expect(completer.candidates(for: "kubectl sh") == ["show"])
        #expect(completer.candidates(for: "help sea") == ["search"])
        #expect(completer.candidates(for: "show ./Con") == ["./Content/"])
        #expect(completer.candidates(for: "show ./Content/") == ["./Content/networking/", "./Content/workloads/"])
    }

    @Test("On a terminal the shell runs libedit: completion, Ctrl-C, history saved to the data directory")
    func interactiveSession() throws {
        let sandbox = try Sandbox()
        let terminal = try PseudoTerminalProcess(
            executable: builtBinary, arguments: ["--home", sandbox.home.path, "--content", sandbox.content.path],
            environment: ["TERM": "xterm", "HOME": sandbox.root.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
        // Each key goes in once libedit reads in raw mode, as a person's typing would.
        func type(_ keys: String) throws {
            try #require(terminal.waitForRawMode(), "the shell never put the terminal in raw mode: \(terminal.output)")
            terminal.send(keys)
        }
        var seen = try #require(terminal.waitFor("kubedrill> "))
        try type("not\t")  // libedit completes "not" to "notes "
        seen = try #require(terminal.waitFor("es ", after: seen))
        try type("\r")
        seen = try #require(terminal.waitFor("deployments  Deployments", after: seen))
        seen = try #require(terminal.waitFor("kubedrill> ", after: seen))
        try type("show half-typed")
        seen = try #require(terminal.waitFor("half-typed", after: seen))
        try type("\u{03}")  // Ctrl-C abandons the line and the shell goes on
        seen = try #require(terminal.waitFor("^C", after: seen))
        seen = try #require(terminal.waitFor("kubedrill> ", after: seen))
        try type("show services\r")
        seen = try #require(terminal.waitFor("stable virtual IP", after: seen))
        _ = try #require(terminal.waitFor("kubedrill> ", after: seen))
        try type("\u{04}")  // Ctrl-D leaves
        let status = terminal.waitForExit()
        #expect(status == 0, "shell output: \(terminal.output)")
        let history = try String(contentsOf: sandbox.home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.hasPrefix("_HiStOrY_V2_"))  // libedit's own history file format
        #expect(history.contains("notes\n") && history.contains("show\\040services\n"))
        #expect(!history.contains("half-typed"))
    }
}
