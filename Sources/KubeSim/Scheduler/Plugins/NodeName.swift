/// Keeps a pod that names its node (`spec.nodeName`) to that node.
///
/// Upstream: `pkg/scheduler/framework/plugins/nodename/node_name.go`, v1.33.0.
public struct NodeName: FilterPlugin {
    public static let name = "NodeName"
    public var name: String { Self.name }

    /// Upstream `ErrReason`.
    public static let reason = "node(s) didn't match the requested node name"

    public init() {}

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard let wanted = pod.pod.$spec.read(\.nodeName), !wanted.isEmpty, wanted != node.name else { return .success }
        return Status(.unschedulableAndUnresolvable, Self.reason)
    }
}
