import KubeModel

/// Rejects cordoned nodes (`spec.unschedulable: true`) unless the pod tolerates the
/// `node.kubernetes.io/unschedulable:NoSchedule` taint.
///
/// Upstream: `pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go`, v1.33.0.
public struct NodeUnschedulable: FilterPlugin {
    public static let name = "NodeUnschedulable"
    public var name: String { Self.name }

    /// Upstream `ErrReasonUnschedulable`.
    public static let unschedulableReason = "node(s) were unschedulable"

    /// The taint a pod tolerates to be allowed on a cordoned node (upstream `v1.TaintNodeUnschedulable`).
    static let unschedulableTaint: Taint = {
        var taint = Taint()
        taint.key = "node.kubernetes.io/unschedulable"
        taint.effect = "NoSchedule"
        return taint
    }()

    public init() {}

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard node.isUnschedulable else { return .success }
        if Tolerations.tolerate(pod.tolerations, Self.unschedulableTaint) { return .success }
        return Status(.unschedulableAndUnresolvable, Self.unschedulableReason)
    }
}
