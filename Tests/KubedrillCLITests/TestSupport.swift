import Foundation
@testable import KubedrillCLI

/// A throwaway content directory and data directory for one test.
struct Sandbox {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var home: URL { root.appendingPathComponent("home") }

    init(notes: [String: String] = Sandbox.standardNotes) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kd-cli-\(UUID().uuidString)")
        for (path, text) in notes {
            let url = root.appendingPathComponent("Content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Two small notes; enough to exercise listing, showing, links and search.
    static let standardNotes = [
        "workloads/pods.md": """
            ---
            title: Pods
            tags: [pods]
            ---

            # Pods

            A pod groups containers that share a network namespace.
            Each container may define a liveness probe.

            Related: [[Deployments]].
            """,
        "workloads/deployments.md": """
            # Deployments

            A Deployment manages ReplicaSets and rolls out new pod templates.
            """,
        "networking/services.md": """
            # Services

            A Service gives pods a stable virtual IP.
            """,
    ]

    /// Runs one command line in-process with captured output.
    func run(_ arguments: [String], input: [String] = [], variables: [String: String] = [:])
        -> (status: Int32, out: String, err: String) {
        let env = CommandEnvironment.captured(variables: variables, input: input)
        // Before any `--`: the words after it are the command's own (`run x --image=y -- sleep 1`).
        var full = arguments
        full.insert(contentsOf: ["--home", home.path, "--content", content.path], at: arguments.firstIndex(of: "--") ?? arguments.count)
        let status = KubedrillMain.run(arguments: full, environment: env)
        return (status, env.out.captured, env.err.captured)
    }

    /// Writes a file under the sandbox's root.
    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// The `kubedrill` binary built beside the test bundle.
var builtBinary: String {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundleDirectory.appendingPathComponent("kubedrill").path,
                      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kubedrill").path]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
}
