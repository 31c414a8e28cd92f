import Foundation
import KubeModel
import KubeSim

/// Benchmarks of the simulator core: `sim run` as a process, memory per pod, advancing the clock.
enum SimRunBenchmarks {
    static var all: [Benchmark] {
        [Benchmark(name: "sim-run", summary: "`kubedrill sim run` of a 20-object exercise as a process (target ≤ 100 ms)", run: simRun),
         Benchmark(name: "sim-memory", summary: "Resident memory per stored pod object (creates [count] pods, default 2000)", run: memory),
         Benchmark(name: "sim-advance", summary: "In-process: 20 pods, advance 10 minutes of virtual time", run: advance)]
    }

    /// A small exercise: a namespace, config, a quota, a limit range, a service and 15 pods of
    /// several behaviours (servers, crash loops, probes, a missing image).
    static func exerciseYAML() -> String {
        var documents = [
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {color: blue}",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\nstringData: {password: s3cret}",
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec: {hard: {pods: \"50\"}}",
            "apiVersion: v1\nkind: LimitRange\nmetadata: {name: limits, namespace: shop}\nspec: {limits: [{type: Container, default: {memory: 256Mi}}]}",
        ]
        let behaviours = [
            "image: \"nginx:1.27\"\n    readinessProbe: {httpGet: {path: /, port: 80}}",
            "image: \"busybox:1.36\"\n    command: [sh, -c, \"echo $COLOR; sleep 20; exit 1\"]\n    env: [{name: COLOR, valueFrom: {configMapKeyRef: {name: settings, key: color}}}]",
            "image: \"redis:7\"\n    livenessProbe: {tcpSocket: {port: 6379}}",
            "image: \"postgres:16\"\n    env: [{name: POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]",
            "image: \"nginx:nope\"",
        ]
        for index in 0..<15 {
            documents.append("""
                apiVersion: v1
                kind: Pod
                metadata: {name: pod-\(index), namespace: shop, labels: {app: shop}}
                spec:
                  containers:
                  - name: app
                    \(behaviours[index % behaviours.count])
                """)
        }
        documents.append("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: shop}, ports: [{port: 80}]}")
        return documents.joined(separator: "\n---\n") + "\n"
    }

    static func simRun(_ arguments: [String]) throws {
        let runs = arguments.first.flatMap(Int.init) ?? 20
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("kubedrill").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw UserError("build kubedrill first: swift build -c release (looked for \(binary))")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kd-sim-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("exercise.yaml")
        try exerciseYAML().write(to: file, atomically: true, encoding: .utf8)
        var samples: [Double] = []
        var lastStatus: Int32 = 0
        for _ in 0..<runs {
            // posix_spawn and a blocking waitpid: Foundation's Process notices the exit through
            // its run loop, which adds tens of milliseconds to a 100 ms figure.
            let start = DispatchTime.now().uptimeNanoseconds
            lastStatus = try spawnAndWait(binary, ["sim", "run", file.path, "--format", "json"],
                                          environment: ["HOME=\(directory.path)", "PATH=/usr/bin:/bin"])
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        guard lastStatus == 0 else { throw UserError("sim run failed with status \(lastStatus)") }
        samples.sort()
        print(String(format: "sim run, 21 objects, until quiet (cap 10m) (%d runs): median %.1f ms, min %.1f ms, p90 %.1f ms  [target ≤ 100 ms]",
                     runs, samples[samples.count / 2], samples[0], samples[Int(Double(samples.count - 1) * 0.9)]))
    }

    /// Runs `binary` with input from and output to /dev/null and returns its exit status.
    static func spawnAndWait(_ binary: String, _ arguments: [String], environment: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw UserError("cannot start \(binary): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Resident set size in bytes, from /proc/self/statm (Linux).
    static func residentBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int64(fields[1]) ?? 0) * Int64(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    static func memory(_ arguments: [String]) throws {
        let count = arguments.first.flatMap(Int.init) ?? 2000
        let cluster = Cluster()
        let template = try ManifestInput.objects(fromYAML: """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web, tier: front}}
            spec:
              containers:
              - name: app
                image: "nginx:1.27"
                ports: [{containerPort: 80}]
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
                readinessProbe: {httpGet: {path: /, port: 80}}
            """, file: "pod.yaml")[0].object
        let before = residentBytes()
        for index in 0..<count {
            var meta = template.meta
            meta.name = "web-\(index)"
            try cluster.create(template.with(meta))
        }
        let after = residentBytes()
        print(String(format: "%d pods stored (admitted, defaulted, pending): %.1f KiB resident per pod object (RSS %.1f → %.1f MiB)",
                     count, Double(after - before) / Double(count) / 1024, Double(before) / 1_048_576, Double(after) / 1_048_576))
    }

    static func advance(_ arguments: [String]) throws {
        let runs = arguments.first.flatMap(Int.init) ?? 10
        var samples: [Double] = []
        var reconciles = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cluster = Cluster()
            try cluster.apply(yaml: exerciseYAML(), file: "exercise.yaml")
            try cluster.advance(by: .minutes(10))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            reconciles = cluster.runner.reconcileCount
        }
        samples.sort()
        print(String(format: "apply 21 objects + advance 10m (%d reconciles) (%d runs): median %.1f ms, min %.1f ms",
                     reconciles, runs, samples[samples.count / 2], samples[0]))
    }
}
