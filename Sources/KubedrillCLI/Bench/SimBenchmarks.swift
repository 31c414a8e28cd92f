enum SimBenchmarks {
    static var all: [Benchmark] { SimRunBenchmarks.all + [SchedulerBenchmark.benchmark] }
}
