import Foundation
import Terminal

/// Benchmarks of the shell itself.
enum FoundationBenchmarks {
    static var all: [Benchmark] {
        [Benchmark(name: "startup", summary: "Process start to first prompt on a terminal, bundled content (target ≤ 50 ms)",
                   run: startup)]
    }

    /// Starts the `kubedrill` built beside this benchmark on a pseudo-terminal, as a user would, and
    /// times until the prompt is drawn. `[runs]` defaults to 30; the median is the figure.
    static func startup(_ arguments: [String]) throws {
        let runs = arguments.first.flatMap(Int.init) ?? 30
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("kubedrill").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw UserError("build kubedrill first: swift build -c release (looked for \(binary))")
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kd-bench-\(UUID().uuidString)")
        let content = try ContentLocator.resolve(explicit: nil, variables: [:])
        let notes = ContentLoaderCount.notes(in: content)
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let terminal = try PseudoTerminalProcess(
                executable: binary, arguments: ["--home", home.path, "--content", content.path],
                environment: ["TERM": "xterm", "HOME": home.path, "PATH": "/usr/bin:/bin"])
            guard terminal.waitFor("kubedrill") != nil, terminal.waitFor(">") != nil else {
                throw UserError("no prompt; the shell said: \(terminal.output)")
            }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            terminal.send("\u{04}")
            _ = terminal.waitForExit()
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print(String(format: "startup to first prompt (%d notes, %d runs): median %.1f ms, min %.1f ms, p90 %.1f ms  [target ≤ 50 ms]",
                     notes, runs, median, samples[0], samples[Int(Double(samples.count - 1) * 0.9)]))
    }
}

/// Counts notes without loading them, for the benchmark's label.
enum ContentLoaderCount {
    static func notes(in directory: URL) -> Int {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var count = 0
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { count += 1 }
        }
        return count
    }
}
