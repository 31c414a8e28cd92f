enum SimBenchmarks {
    static var all: [Benchmark] { SimRunBenchmarks.all + RolloutBenchmark.all + [SchedulerBenchmark.benchmark] + WorkloadBenchmarks.all + CronJobBenchmark.all + AutoscalingBenchmark.all }
}
