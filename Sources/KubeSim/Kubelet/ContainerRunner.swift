import KubeModel

/// One container's state machine on the kubelet: pull, configure, create and start, run, exit or
/// be killed, restart after back-off. Event reasons and messages are upstream's
/// (pkg/kubelet/events/event.go; pkg/kubelet/images/image_manager.go;
/// pkg/kubelet/kuberuntime/kuberuntime_container.go `Created container: %v`, `Started container %v`).
struct ContainerRunner {
    let sync: PodSync
    let container: Container
    let isInit: Bool

    var store: Store { sync.store }
    var now: Int64 { sync.now }
    var image: String { container.image ?? "" }
    /// Parsed once per runner: every step of the state machine asks for them.
    let reference: ImageReference
    let profile: ImageProfile?
    private let runs = RunMemo()
    private var lastRun: (environment: [String: String], run: ContainerRun)? {
        get { runs.last }
        nonmutating set { runs.last = newValue }
    }

    private final class RunMemo {
        var last: (environment: [String: String], run: ContainerRun)?
    }
    var fieldPath: String { store.kubeletTexts.text(isInit ? .initContainerFieldPath : .containerFieldPath, container.name) }
    var podObject: KubeObject { sync.object }
    var podRef: String { "\(sync.pod.metadata.name ?? "")_\(sync.pod.metadata.namespace ?? "default")(\(sync.pod.metadata.uid ?? ""))" }

    init(sync: PodSync, container: Container, isInit: Bool) {
        self.sync = sync
        self.container = container
        self.isInit = isInit
        (reference, profile) = sync.store.imageIDs.resolve(container.image ?? "")
    }

    func event(_ type: String, _ reason: String, _ message: String) {
        store.record(type, reason, message, on: podObject, component: "kubelet", host: sync.node.metadata.name, fieldPath: fieldPath)
    }

    /// Advances the container through every transition due by now; returns when the next is due.
    mutating func step(_ instance: inout ContainerInstance) -> Int64? {
        for _ in 0..<16 {
            switch instance.phase {
            case .waiting:
                if let restartAt = instance.restartAt, restartAt > now { return restartAt }
                if !instance.imageReady {
                    guard let due = pull(&instance) else { if instance.imageReady { continue } else { return nil } }
                    if due > now { return due }
                    continue
                }
                guard start(&instance) else { return nil }
            case .running:
                let outcome = running(&instance)
                if instance.phase == .running { return outcome }
            case .terminated:
                guard let due = afterExit(&instance) else { return nil }
                if due > now { return due }
            }
        }
        return now + 1
    }

    // MARK: Pulling

    /// Returns nil when nothing more happens until something changes (Never policy, config).
    private func pull(_ instance: inout ContainerInstance) -> Int64? {
        let nodeName = sync.node.metadata.name ?? ""
        if instance.pullFailed {
            if let retry = instance.pullRetryAt, retry > now {
                // The next pod sync after the failure shows the back-off (not the same instant).
                let notice = retry - instance.pullBackoff + 1
                if instance.reason == "ErrImagePull", now < notice { return notice }
                if instance.reason == "ErrImagePull" {
                    instance.reason = "ImagePullBackOff"
                    instance.message = "Back-off pulling image \"\(image)\""
                    event("Normal", "BackOff", "Back-off pulling image \"\(image)\"")
                    event("Warning", "Failed", "Error: ImagePullBackOff")
                }
                return retry
            }
            instance.pullFailed = false
            instance.pullDoneAt = nil
        }
        if let done = instance.pullDoneAt {
            guard done <= now else { return done }
            instance.pullDoneAt = nil
            if let failure = pullFailure() {
                event("Warning", "Failed", "Failed to pull image \"\(image)\": \(failure)")
                event("Warning", "Failed", "Error: ErrImagePull")
                instance.reason = "ErrImagePull"
                instance.message = failure
                instance.pullFailed = true
                instance.pullBackoff = instance.pullBackoff == 0 ? CrashBackoff.initial : min(instance.pullBackoff * 2, CrashBackoff.maximum)
                instance.pullRetryAt = now + instance.pullBackoff
                return now + 1
            }
            let seconds = pullSeconds
            event("Normal", "Pulled", "Successfully pulled image \"\(image)\" in \(seconds)s (\(seconds)s including waiting). Image size: \(profile?.sizeBytes ?? 0) bytes.")
            store.nodeImages[nodeName, default: []].insert(image)
            instance.imageReady = true
            instance.pullBackoff = 0
            return now
        }
        let present = store.nodeImages[nodeName]?.contains(image) ?? false
        switch container.imagePullPolicy ?? "IfNotPresent" {
        case "Never" where !present:
            let message = "Container image \"\(image)\" is not present with pull policy of Never"
            if instance.reason != "ErrImageNeverPull" { event("Warning", "ErrImageNeverPull", message) }
            instance.reason = "ErrImageNeverPull"
            instance.message = message
            return nil
        case "Never" where present, "IfNotPresent" where present:
            event("Normal", "Pulled", store.kubeletTexts.text(.imagePresent, image))
            instance.imageReady = true
            return now
        default:
            event("Normal", "Pulling", "Pulling image \"\(image)\"")
            instance.pullDoneAt = now + pullSeconds
            return instance.pullDoneAt
        }
    }

    /// About 50 MB/s, at least a second.
    private var pullSeconds: Int64 { max(1, ((profile?.sizeBytes ?? 0) + 49_999_999) / 50_000_000) }

    /// containerd's errors for a missing image or one it may not read.
    private func pullFailure() -> String? {
        let name = reference.fullName
        if ImageCatalogue.needsCredentials(reference), !ConfigResolver.hasPullCredentials(for: reference.registry, pod: sync.pod, in: store) {
            return "failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"
        }
        guard ImageCatalogue.exists(reference) else {
            if ImageCatalogue.profile(for: reference) == nil, reference.registry == "docker.io" {
                return "failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
            }
            return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": \(name): not found"
        }
        return nil
    }

    // MARK: Starting and running

    private func script(environment: [String: String]) -> [ScriptStep] {
        guard let profile else { return [.exit(0)] }
        let expand = { (words: [String]?) in words?.map { ConfigResolver.expand($0, environment) } }
        return ContainerScript.steps(image: profile, command: expand(container.command), args: expand(container.args), environment: environment)
    }

    func environment() -> Result<[String: String], ConfigError> {
        ConfigResolver.environment(for: container, pod: sync.pod, in: store)
    }

    func behaviour() -> ContainerRun {
        run(environment: (try? environment().get()) ?? [:])
    }

    /// What the script does in `environment`, worked out once per runner: a container started
    /// and checked on in the same sync asked for it twice.
    private func run(environment: [String: String]) -> ContainerRun {
        if let known = lastRun, known.environment == environment { return known.run }
        let key = store.scriptRuns.key(image: image, command: container.command, args: container.args, environment: environment)
        let run = store.scriptRuns.run(for: key) {
            ContainerScript.run(script(environment: environment), baseMemoryBytes: (profile?.memoryMiB ?? 1) * 1024 * 1024)
        }
        lastRun = (environment, run)
        return run
    }

    private func start(_ instance: inout ContainerInstance) -> Bool {
        let environment: [String: String]
        switch self.environment() {
        case .failure(let error):
            if instance.reason != "CreateContainerConfigError" || instance.message != error.message {
                event("Warning", "Failed", "Error: \(error.message)")
            }
            instance.reason = "CreateContainerConfigError"
            instance.message = error.message
            return false
        case .success(let values): environment = values
        }
        let run = run(environment: environment)
        if instance.startedAt != nil || instance.finishedAt != nil { instance.restartCount += 1 }
        instance.restartAt = nil
        instance.previousLogs = instance.logs
        instance.logs = []
        instance.probeFailures = [:]
        instance.probeSuccesses = [:]
        instance.lastProbeTick = [:]
        instance.ready = false
        instance.started = false
        instance.killAt = nil
        event("Normal", "Created", store.kubeletTexts.text(.created, container.name))
        if let error = run.startError {
            let message = "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: \(error): unknown"
            event("Warning", "Failed", "Error: \(message)")
            finish(&instance, code: 128, reason: "StartError", message: message, at: now)
            instance.startedAt = now
            return true
        }
        event("Normal", "Started", store.kubeletTexts.text(.started, container.name))
        instance.phase = .running
        instance.reason = ""
        instance.message = nil
        instance.startedAt = now
        instance.finishedAt = nil
        return true
    }

    /// A running container: logs so far, exit, OOM kill, probes.
    private func running(_ instance: inout ContainerInstance) -> Int64? {
        guard let startedAt = instance.startedAt else { return nil }
        let run = behaviour()
        let elapsed = now - startedAt
        instance.logs = run.logs.filter { $0.at <= elapsed }.map(\.line)
        if let limit = container.resources?.limits?["memory"]?.value, run.memoryBytes > limit {
            // The kernel's OOM killer ends the process a moment after it passes the cgroup limit.
            let killTime = startedAt + 1
            if killTime <= now {
                store.record("Warning", "OOMKilling", "Memory cgroup out of memory: Killed process (\(container.name)) in pod \(sync.pod.metadata.namespace ?? "default")/\(sync.pod.metadata.name ?? "")",
                             on: .node(sync.node), component: "kernel-monitor", host: sync.node.metadata.name)
                finish(&instance, code: 137, reason: "OOMKilled", message: nil, at: killTime)
                return now
            }
            return killTime
        }
        if let killAt = instance.killAt {
            if killAt <= now {
                finish(&instance, code: instance.killExitCode, reason: instance.killExitCode == 0 ? "Completed" : "Error", message: nil, at: killAt)
                return now
            }
            return killAt
        }
        if let exit = run.exit, startedAt + exit.at <= now {
            finish(&instance, code: exit.code, reason: exit.code == 0 ? "Completed" : "Error", message: nil, at: startedAt + exit.at)
            return now
        }
        let context = Probes.Context(container: container, profile: profile, run: run, podIP: sync.runtime.podIP)
        let outcome = Probes.evaluate(context, instance: &instance, now: now) { _, message in
            event("Warning", "Unhealthy", message)
        }
        var next = run.exit.map { startedAt + $0.at }
        switch outcome {
        case .keepRunning(let due):
            if let due { next = min(next ?? due, due) }
        case .kill(let kind):
            event("Normal", "Killing", "Container \(container.name) failed \(kind.lowercased()) probe, will be restarted")
            let stops = (profile?.stopsOnSIGTERM ?? true) && !(container.command?.first.map { ["sh", "/bin/sh", "bash", "sleep"].contains($0) } ?? false)
            let grace = container.livenessProbe?.terminationGracePeriodSeconds ?? sync.pod.spec?.terminationGracePeriodSeconds ?? 30
            instance.killAt = now + (stops ? 0 : grace)
            instance.killExitCode = stops ? 0 : 137
            next = instance.killAt
        }
        return next
    }

    private func finish(_ instance: inout ContainerInstance, code: Int32, reason: String, message: String?, at time: Int64) {
        instance.phase = .terminated
        instance.exitCode = code
        instance.reason = reason
        instance.message = message
        instance.finishedAt = time
        instance.ready = false
        instance.killAt = nil
        instance.lastTermination = .init(exitCode: code, reason: reason, startedAt: instance.startedAt ?? time, finishedAt: time, message: message)
    }

    /// restartPolicy decides; restarts wait out the crash back-off (`CrashLoopBackOff`).
    private func afterExit(_ instance: inout ContainerInstance) -> Int64? {
        let policy = sync.pod.$spec.read(\.restartPolicy) ?? "Always"
        let restarts = policy == "Always" ? !isInit || instance.exitCode != 0 : (policy == "OnFailure" && instance.exitCode != 0)
        guard restarts else { return nil }
        if instance.restartAt == nil {
            let decision = CrashBackoff.restart(finishedAt: instance.finishedAt ?? now, backoff: instance.backoff, updatedAt: instance.backoffUpdatedAt)
            instance.backoff = decision.backoff
            instance.backoffUpdatedAt = decision.updatedAt
            instance.restartAt = decision.at
        }
        guard let restartAt = instance.restartAt else { return nil }
        if restartAt > now {
            let window = restartAt - (instance.finishedAt ?? now)
            instance.phase = .waiting
            instance.reason = "CrashLoopBackOff"
            instance.message = "back-off \(VirtualDuration(seconds: window)) restarting failed container=\(container.name) pod=\(podRef)"
            event("Warning", "BackOff", "Back-off restarting failed container \(container.name) in pod \(podRef)")
            return restartAt
        }
        instance.phase = .waiting
        return now
    }
}
