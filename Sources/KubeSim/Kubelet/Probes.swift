import KubeModel

/// Probes judged against the behaviour model (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/):
/// a probe runs `initialDelaySeconds` after start, then every `periodSeconds`; `failureThreshold`
/// failures in a row fail it, `successThreshold` successes pass it. A failed liveness or startup
/// probe restarts the container; readiness only flips `ready`. Liveness and readiness wait for a
/// startup probe to pass. Messages follow pkg/probe/http and pkg/probe/tcp.
enum Probes {
    struct Context {
        var container: Container
        var profile: ImageProfile?
        var run: ContainerRun
        var podIP: String
    }

    /// The probe's verdict `elapsed` seconds after the container started: nil when it passes,
    /// else the failure text.
    static func failure(of probe: Probe, _ context: Context, at elapsed: Int64) -> String? {
        let ports: [Int32] = {
            if case .server(let ports, _)? = context.profile?.entrypoint, context.run.listens { return ports }
            return []
        }()
        func resolve(_ port: IntOrString) -> Int32 {
            switch port {
            case .int(let number): return number
            case .string(let name): return context.container.ports?.first { $0.name == name }?.containerPort ?? 0
            }
        }
        if let http = probe.httpGet {
            let port = resolve(http.port), path = http.path ?? "/"
            guard ports.contains(port) else {
                return "Get \"http://\(context.podIP):\(port)\(path)\": dial tcp \(context.podIP):\(port): connect: connection refused"
            }
            if case .server(_, let paths)? = context.profile?.entrypoint, paths.contains(path) { return nil }
            return "HTTP probe failed with statuscode: 404"
        }
        if let tcp = probe.tcpSocket {
            let port = resolve(tcp.port)
            return ports.contains(port) ? nil : "dial tcp \(context.podIP):\(port): connect: connection refused"
        }
        if let grpc = probe.grpc {
            return ports.contains(grpc.port) ? nil : "timeout: failed to connect service \"\(context.podIP):\(grpc.port)\" within 1s: context deadline exceeded"
        }
        if let command = probe.exec?.command, let program = command.first {
            let words = ["sh", "/bin/sh"].contains(program) && command.count >= 3 ? command[2].split(separator: " ").map(String.init) : command
            switch words.first ?? "" {
            case "cat", "ls", "test":
                guard let path = words.last, path.hasPrefix("/") else { return nil }
                return context.run.fileExists(path, at: elapsed) ? nil : "cat: can't open '\(path)': No such file or directory"
            case "false": return ""
            default: return nil
            }
        }
        return nil
    }

    enum Outcome {
        case keepRunning(nextDue: Int64?)
        case kill(probeKind: String)
    }

    /// Runs the probe ticks due by `now` for a running container, recording `Unhealthy` events.
    static func evaluate(_ context: Context, instance: inout ContainerInstance, now: Int64,
                         report: (String, String) -> Void) -> Outcome {
        guard let startedAt = instance.startedAt else { return .keepRunning(nextDue: nil) }
        let container = context.container
        if container.startupProbe == nil, !instance.started { instance.started = true }
        var nextDue: Int64?
        let kinds: [(String, Probe?)] = [("Startup", container.startupProbe), ("Liveness", container.livenessProbe), ("Readiness", container.readinessProbe)]
        for (kind, probe) in kinds {
            guard let probe else { continue }
            if kind != "Startup", !instance.started { continue }
            if kind == "Startup", instance.started { continue }
            let period = Int64(max(probe.periodSeconds ?? 10, 1))
            let first = startedAt + Int64(probe.initialDelaySeconds ?? 0)
            var tick = instance.lastProbeTick[kind].map { $0 + period } ?? first
            while tick <= now {
                instance.lastProbeTick[kind] = tick
                let failure = Self.failure(of: probe, context, at: tick - startedAt)
                if let failure {
                    instance.probeSuccesses[kind] = 0
                    instance.probeFailures[kind, default: 0] += 1
                    report(kind, "\(kind) probe failed: \(failure)")
                    if instance.probeFailures[kind, default: 0] >= probe.failureThreshold ?? 3 {
                        if kind == "Readiness" { instance.ready = false } else { return .kill(probeKind: kind) }
                    }
                } else {
                    instance.probeFailures[kind] = 0
                    instance.probeSuccesses[kind, default: 0] += 1
                    if instance.probeSuccesses[kind, default: 0] >= probe.successThreshold ?? 1 {
                        if kind == "Startup" { instance.started = true }
                        if kind == "Readiness" { instance.ready = true }
                    }
                }
                tick += period
            }
            // Settled when the last verdict reached its threshold; then only a change in the
            // behaviour (a file removed, a port closing) can alter the next verdict.
            let failures = instance.probeFailures[kind, default: 0], successes = instance.probeSuccesses[kind, default: 0]
            let settled = (failures == 0 && successes >= (probe.successThreshold ?? 1)) || (kind == "Readiness" && failures >= (probe.failureThreshold ?? 3))
            var due = tick
            if settled {
                if let change = context.run.nextChange(after: now - startedAt) {
                    let changeTime = startedAt + change
                    due = changeTime <= tick ? tick : tick + ((changeTime - tick + period - 1) / period) * period
                } else {
                    continue
                }
            }
            nextDue = min(nextDue ?? due, due)
            if kind == "Startup", !instance.started { break }
        }
        if container.readinessProbe == nil { instance.ready = instance.started }
        return .keepRunning(nextDue: nextDue)
    }
}
