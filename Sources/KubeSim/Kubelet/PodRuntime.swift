/// What a kubelet and its container runtime know about one pod beyond the API object:
/// container instances, back-off timers, logs. Saved with the cluster.
public struct PodRuntime: Codable, Sendable {
    public var podIP: String
    public var startTime: Int64
    public var containers: [ContainerInstance] = []
    public var initContainers: [ContainerInstance] = []
    /// Set once the pod's config (ConfigMaps, Secrets, volumes) resolved.
    public var sandboxReady = false

    public init(podIP: String, startTime: Int64) {
        self.podIP = podIP
        self.startTime = startTime
    }
}

/// One container of a pod across its restarts.
public struct ContainerInstance: Codable, Sendable {
    public enum Phase: String, Codable, Sendable { case waiting, running, terminated }

    public var name: String
    public var phase: Phase = .waiting
    public var reason: String = "ContainerCreating"
    public var message: String?
    public var restartCount: Int32 = 0
    public var startedAt: Int64?
    public var finishedAt: Int64?
    public var exitCode: Int32 = 0
    public var lastTermination: Termination?
    /// The image is on the node and this container may be created.
    public var imageReady = false
    public var pullDoneAt: Int64?
    public var pullFailed = false
    public var pullBackoff: Int64 = 0
    public var pullRetryAt: Int64?
    /// Crash back-off (client-go flowcontrol.Backoff: 10 s doubling to 300 s).
    public var backoff: Int64 = 0
    public var backoffUpdatedAt: Int64?
    public var restartAt: Int64?
    /// When a kill (liveness, deletion) ends the process, and how it ends.
    public var killAt: Int64?
    public var killExitCode: Int32 = 0
    public var logs: [String] = []
    public var previousLogs: [String] = []
    public var ready = false
    public var started = false
    public var probeFailures: [String: Int32] = [:]
    public var probeSuccesses: [String: Int32] = [:]
    /// The last probe tick handled, per probe kind (seconds after start).
    public var lastProbeTick: [String: Int64] = [:]

    public init(name: String) { self.name = name }

    public struct Termination: Codable, Sendable, Equatable {
        public var exitCode: Int32
        public var reason: String
        public var startedAt: Int64
        public var finishedAt: Int64
        public var message: String?
    }
}
