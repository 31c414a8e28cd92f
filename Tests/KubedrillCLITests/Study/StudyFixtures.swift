import Foundation
@testable import KubedrillCLI

/// A throwaway content directory and data directory for command tests.
struct StudyFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var home: URL { root.appendingPathComponent("home") }
    var database: URL { home.appendingPathComponent("reviews.sqlite") }

    init(cards: Int = 3, extra: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kubedrill-cli-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("Content/workloads")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = "---\ntitle: Pods\ntags: [pods, cka/workloads-scheduling]\n---\n# Pods\n\n"
        for index in 1...max(cards, 1) where cards > 0 {
            text += "> [!card] Question \(index)? {#pod-q\(index)}\n>\n> Answer \(index).\n\n"
        }
        text += extra
        try text.write(to: folder.appendingPathComponent("pods.md"), atomically: true, encoding: .utf8)
    }

    func write(_ text: String, to name: String) throws {
        let url = content.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs a command in-process; returns status, stdout and stderr.
    func run(_ arguments: [String], input: [String] = [], variables: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        let env = CommandEnvironment.captured(variables: variables, input: input)
        let status = KubedrillMain.run(arguments: arguments + ["--home", home.path, "--content", content.path], environment: env)
        return (status, env.out.captured, env.err.captured)
    }

    /// The built `kubedrill` binary, next to the test bundle in `.build/debug/`.
    static func binary() -> URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("kubedrill"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/kubedrill"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
