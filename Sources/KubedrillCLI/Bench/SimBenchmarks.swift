enum SimBenchmarks {
    static var all: [Benchmark] { SimRunBenchmarks.all + WorkloadBenchmarks.all }
}
