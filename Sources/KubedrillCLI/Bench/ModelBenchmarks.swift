enum ModelBenchmarks {
    static var all: [Benchmark] { [] }
}
