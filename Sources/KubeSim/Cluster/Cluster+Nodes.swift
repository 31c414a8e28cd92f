import KubeModel

/// `node <name> down|up|cordon|uncordon|drain`.
public enum NodeAction: Equatable, Sendable {
    /// The kubelet stops posting status: Ready becomes Unknown and the node lifecycle controller
    /// taints the node `node.kubernetes.io/unreachable`.
    case down
    case up
    /// `kubectl cordon`: `spec.unschedulable: true`.
    case cordon
    case uncordon
    /// `kubectl drain`: cordon, then evict every pod through the eviction API (`drainNode`).
    /// Like kubectl, pods without a controller need `force`, DaemonSet pods need
    /// `ignoreDaemonSets` (and are then left alone).
    case drain(force: Bool = false, ignoreDaemonSets: Bool = false)

    public static let drain = NodeAction.drain()
}

extension Cluster {
    /// Applies a node action; for `drain`, returns the evicted pods as `namespace/name`, once gone.
    @discardableResult
    public func setNode(_ name: String, _ action: NodeAction) throws -> [String] {
        guard case .node(var node)? = store.get(.node(name)) else { throw APIError.notFound(.node(name)) }
        var evicted: [String] = []
        switch action {
        case .down, .up:
            var status = node.status ?? NodeStatus()
            var conditions = (status.conditions ?? []).filter { $0.type != "Ready" }
            conditions.insert(NodeConditions.ready(action == .up, at: now), at: 0)
            status.conditions = conditions
            node.status = status
            store.updateStatus(.node(node))
            store.record(action == .up ? "Normal" : "Normal", action == .up ? "NodeReady" : "NodeNotReady",
                         action == .up ? "Node \(name) status is now: NodeReady" : "Node \(name) status is now: NodeNotReady",
                         on: .node(node), component: action == .up ? "kubelet" : "node-controller")
        case .cordon, .uncordon:
            var spec = node.spec ?? NodeSpec()
            spec.unschedulable = action == .cordon ? true : nil
            node.spec = spec
            store.updateStatus(.node(node))
        case .drain(let force, let ignoreDaemonSets):
            let report = try drainNode(name, force: force, ignoreDaemonSets: ignoreDaemonSets)
            if let failure = report.failure { throw APIError(reason: "Timeout", message: failure) }
            evicted = report.evicted
        }
        try settle()
        return evicted
    }

    static func podName(_ pod: Pod) -> String { "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name ?? "")" }
}
