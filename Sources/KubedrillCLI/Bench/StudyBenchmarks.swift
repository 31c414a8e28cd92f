enum StudyBenchmarks {
    static var all: [Benchmark] { [FSRSBenchmark.benchmark] + StudyStoreBenchmarks.all }
}
