/// `kubedrill-bench <name>`: runs one benchmark (or all) and prints its figures.
public enum BenchMain {
    public static func run(arguments: [String]) -> Int32 {
        let all = Benchmarks.all
        guard let name = arguments.first, name != "--help" else {
            print("usage: kubedrill-bench <benchmark> [args…]\n\nbenchmarks:")
            for bench in all { print("  \(bench.name.padding(toLength: 18, withPad: " ", startingAt: 0))\(bench.summary)") }
            return arguments.isEmpty ? 2 : 0
        }
        guard let bench = all.first(where: { $0.name == name }) else {
            print("kubedrill-bench: no benchmark \"\(name)\"")
            return 2
        }
        do {
            try bench.run(Array(arguments.dropFirst()))
            return 0
        } catch {
            print("kubedrill-bench: \(error)")
            return 1
        }
    }
}

/// A benchmark: a name, a one-line summary and a body that prints its own figures.
public struct Benchmark {
    public var name: String
    public var summary: String
    public var run: ([String]) throws -> Void
}

enum Benchmarks {
    static var all: [Benchmark] {
        FoundationBenchmarks.all + StudyBenchmarks.all + ModelBenchmarks.all + SimBenchmarks.all
    }
}
