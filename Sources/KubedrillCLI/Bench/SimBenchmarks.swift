enum SimBenchmarks {
    static var all: [Benchmark] { [] }
}
