/// Rejects nodes where a host port the pod asks for is already taken.
///
/// Upstream: `pkg/scheduler/framework/plugins/nodeports/node_ports.go`, v1.33.0: PreFilter skips
/// pods without host ports; a conflict is `Unschedulable` (preempting the port's owner frees it).
public struct NodePorts: PreFilterPlugin, FilterPlugin {
    public static let name = "NodePorts"
    public var name: String { Self.name }

    /// Upstream `ErrReason`.
    public static let reason = "node(s) didn't have free ports for the requested pod ports"

    public init() {}

    public func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        pod.hostPorts.isEmpty ? .skip : .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        for port in pod.hostPorts where node.portConflicts(port) {
            return Status(.unschedulable, Self.reason)
        }
        return .success
    }
}
