import Foundation
import KubeModel
import KubeSim

/// `cronjob-month`: three CronJobs (every 5 minutes, every 15 minutes, hourly: 12,240 activations
/// in 30 days) whose Jobs run a quick `echo`, with the default history limits pruning finished
/// Jobs and their pods, over a virtual month. Prints the activations, the Jobs created and the
/// wall time of the month (target < 1 s release).
enum CronJobBenchmark {
    static var all: [Benchmark] {
        [Benchmark(name: "cronjob-month", summary: "10,000+ CronJob activations over a virtual month, Jobs pruned by history limits (target < 1 s release)", run: run)]
    }

    static let schedules = [("five", "*/5 * * * *"), ("quarter", "*/15 * * * *"), ("hourly", "@hourly")]

    static func manifest() -> String {
        schedules.map { name, schedule in
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: \(name)}
            spec:
              schedule: "\(schedule)"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "echo tick"]}]
            """
        }.joined(separator: "\n---\n")
    }

    static func run(_ arguments: [String]) throws {
        let days = arguments.compactMap(Int64.init).first ?? 30
        let cluster = Cluster()
        try cluster.apply(yaml: manifest(), file: "cronjobs.yaml")
        let reconcilesBefore = cluster.runner.reconcileCount
        let perControllerBefore = cluster.runner.reconcilesByController
        let start = DispatchTime.now().uptimeNanoseconds
        // A day at a time: the runner's budget of reconciles per advance guards against loops.
        for _ in 0..<days { try cluster.advance(by: .minutes(24 * 60)) }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let created = cluster.store.eventLog.filter { $0.reason == "SuccessfulCreate" && $0.kind == "CronJob" }.count
        let completed = cluster.store.eventLog.filter { $0.reason == "Completed" && $0.kind == "Job" }.count
        let kept = cluster.store.list(kind: "Job").count
        print(String(format: "cronjob-month: %lld days, %d activations (Jobs created), %d Jobs completed, %d kept after pruning, %d reconciles: %.1f ms wall  [target < 1000 ms]",
                     days, created, completed, kept, cluster.runner.reconcileCount - reconcilesBefore, wall))
        let perController = cluster.runner.reconcilesByController.map { ($0.key, $0.value - perControllerBefore[$0.key, default: 0]) }
            .filter { $0.1 > 0 }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        print("  reconciles by controller: " + perController.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
    }
}
