enum FoundationBenchmarks {
    static var all: [Benchmark] { [] }
}
