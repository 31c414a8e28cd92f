/// The result of running one plugin at one extension point, with upstream's codes and reasons.
///
/// Upstream: `staging/src/k8s.io/kube-scheduler/framework/interface.go` (`Code`, `Status`), v1.33.0.
/// Reasons are the exact strings kube-scheduler prints; `FitError` counts them per node.
public struct Status: Equatable, Sendable {
    /// Upstream `framework.Code`; the case comments say when to use each and what happens next.
    public enum Code: Int, Sendable, CustomStringConvertible {
        /// The plugin ran correctly and found the pod schedulable (or did its work).
        case success = 0
        /// An internal error, not a scheduling decision: the pod is retried with back-off.
        case error = 1
        /// The pod does not fit now, but preemption (removing lower-priority pods) might change that.
        case unschedulable = 2
        /// The pod does not fit and preemption would not change anything: the node is left out of preemption.
        case unschedulableAndUnresolvable = 3
        /// A Permit plugin asks the pod to wait (unused: the simulator binds at once).
        case wait = 4
        /// PreFilter/PreScore: the plugin has nothing to do for this pod, so its Filter/Score is not run.
        case skip = 5
        /// The pod waits on something outside the scheduler (unused by the default plugins).
        case pending = 6

        public var description: String {
            switch self {
            case .success: "Success"
            case .error: "Error"
            case .unschedulable: "Unschedulable"
            case .unschedulableAndUnresolvable: "UnschedulableAndUnresolvable"
            case .wait: "Wait"
            case .skip: "Skip"
            case .pending: "Pending"
            }
        }
    }

    public var code: Code
    /// Upstream's reason strings, word for word (`Insufficient cpu`, `node(s) had untolerated taint {k: v}`).
    public var reasons: [String]
    /// The plugin that returned this status, set by the framework.
    public var plugin: String?

    public init(_ code: Code, _ reasons: [String] = [], plugin: String? = nil) {
        self.code = code
        self.reasons = reasons
        self.plugin = plugin
    }

    public init(_ code: Code, _ reason: String) {
        self.init(code, [reason])
    }

    public static let success = Status(.success)
    public static let skip = Status(.skip)

    public var isSuccess: Bool { code == .success }
    public var isSkip: Bool { code == .skip }
    /// Upstream `IsRejected`: the pod was turned down (not an error).
    public var isRejected: Bool { code == .unschedulable || code == .unschedulableAndUnresolvable || code == .pending }

    /// Upstream `Message()`: the reasons joined with ", ".
    public var message: String { reasons.joined(separator: ", ") }

    func with(plugin name: String) -> Status {
        var copy = self
        copy.plugin = name
        return copy
    }
}
