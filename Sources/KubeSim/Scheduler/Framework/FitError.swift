/// Why a pod fits on no node: the text of the `FailedScheduling` event and of the pod's
/// `PodScheduled=False` condition (reason `Unschedulable`).
///
/// Upstream: `FitError.Error()` in `pkg/scheduler/framework/types.go`, v1.33.0. The format is
/// `0/N nodes are available: <PreFilterMsg>. <count reason, …>. <PostFilterMsg>`: either the
/// PreFilter message (when a PreFilter plugin rejected the pod for all nodes) or each node's
/// reasons counted, rendered as "count reason", sorted as strings and joined with ", "; then the
/// preemption text. For example `0/4 nodes are available: 1 node(s) had untolerated taint
/// {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are
/// available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`
public struct FitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Upstream `NoNodeAvailableMsg`.
    public static let noNodeAvailableFormat = "0/%v nodes are available"

    public var numAllNodes: Int
    /// The first rejecting filter status of each node that was checked, by node name.
    public var nodeToStatus: [String: Status]
    /// The status given to nodes not in `nodeToStatus` (upstream `AbsentNodesStatus`), e.g. all
    /// nodes when a PreFilter plugin rejected the pod.
    public var absentNodesStatus: Status?
    /// The rejecting PreFilter plugin's message, when there is one.
    public var preFilterMessage: String
    /// The PostFilter (preemption) message, starting `preemption: `, or empty.
    public var postFilterMessage: String

    public init(numAllNodes: Int, nodeToStatus: [String: Status], absentNodesStatus: Status? = nil,
                preFilterMessage: String = "", postFilterMessage: String = "") {
        self.numAllNodes = numAllNodes
        self.nodeToStatus = nodeToStatus
        self.absentNodesStatus = absentNodesStatus
        self.preFilterMessage = preFilterMessage
        self.postFilterMessage = postFilterMessage
    }

    /// The full message, word for word as kube-scheduler writes it.
    public var message: String {
        if numAllNodes == 0 && preFilterMessage.isEmpty && postFilterMessage.isEmpty {
            return Scheduler.noNodesAvailableMessage
        }
        var text = "0/\(numAllNodes) nodes are available:"
        if !preFilterMessage.isEmpty {
            text += " \(preFilterMessage)."
        } else {
            let histogram = reasonHistogram
            if !histogram.isEmpty { text += " \(histogram.joined(separator: ", "))." }
        }
        if !postFilterMessage.isEmpty { text += " \(postFilterMessage)" }
        return text
    }

    public var description: String { message }

    /// "count reason" strings, sorted as upstream's `sortReasonsHistogram` sorts them.
    var reasonHistogram: [String] {
        var counts: [String: Int] = [:]
        for status in nodeToStatus.values {
            for reason in status.reasons { counts[reason, default: 0] += 1 }
        }
        let absent = numAllNodes - nodeToStatus.count
        if absent > 0, let absentNodesStatus {
            for reason in absentNodesStatus.reasons { counts[reason, default: 0] += absent }
        }
        return counts.map { "\($0.value) \($0.key)" }.sorted()
    }
}
