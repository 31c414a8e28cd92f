enum StudyBenchmarks {
    static var all: [Benchmark] { [] }
}
