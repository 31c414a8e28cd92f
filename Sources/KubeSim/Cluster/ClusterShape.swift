import Foundation
import KubeModel

/// The nodes a cluster starts with. `ClusterShape.standard` is the default every exercise assumes;
/// `cluster load <file>` reads another from Node manifests (one general path: the same
/// `ManifestValidator` as `apply`), so capacity, allocatable, labels and taints are real Node fields.
public struct ClusterShape: Sendable {
    public var nodes: [Node]

    public init(nodes: [Node]) { self.nodes = nodes }

    /// `control-plane` tainted NoSchedule and three workers with 4 CPU, 16Gi, 110 pods in zones
    /// a/b/c, labelled as kubeadm/kubelet label nodes (well-known labels:
    /// https://kubernetes.io/docs/reference/labels-annotations-taints/).
    public static var standard: ClusterShape {
        var controlPlane = node("control-plane", zone: nil, cpu: "2", memory: "4Gi")
        controlPlane.metadata.labels?["node-role.kubernetes.io/control-plane"] = ""
        var taint = Taint()
        taint.key = "node-role.kubernetes.io/control-plane"
        taint.effect = "NoSchedule"
        controlPlane.spec?.taints = [taint]
        let workers = [("worker-1", "zone-a"), ("worker-2", "zone-b"), ("worker-3", "zone-c")].map {
            node($0.0, zone: $0.1, cpu: "4", memory: "16Gi")
        }
        return ClusterShape(nodes: ([controlPlane] + workers).enumerated().map { index, node in
            var node = node
            var address = NodeAddress()
            address.type = "InternalIP"
            address.address = "172.18.0.\(index + 2)"
            node.status?.addresses?.insert(address, at: 0)
            return node
        })
    }

    /// A Ready linux/amd64 node with the kubelet's well-known labels.
    public static func node(_ name: String, zone: String?, cpu: String, memory: String, pods: Int64 = 110) -> Node {
        var node = Node()
        node.metadata.name = name
        var labels = [
            "kubernetes.io/hostname": name,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "beta.kubernetes.io/os": "linux",
            "beta.kubernetes.io/arch": "amd64",
        ]
        if let zone {
            labels["topology.kubernetes.io/zone"] = zone
            labels["topology.kubernetes.io/region"] = "region-1"
        }
        node.metadata.labels = labels
        node.spec = NodeSpec()
        var status = NodeStatus()
        let resources: [String: Quantity] = [
            "cpu": (try? Quantity(parsing: cpu)) ?? Quantity(),
            "memory": (try? Quantity(parsing: memory)) ?? Quantity(),
            "pods": Quantity(pods),
            "ephemeral-storage": (try? Quantity(parsing: "100Gi")) ?? Quantity(),
        ]
        status.capacity = resources
        status.allocatable = resources
        status.conditions = [NodeConditions.ready(true, at: .zero)]
        var address = NodeAddress()
        address.type = "Hostname"
        address.address = name
        status.addresses = [address]
        node.status = status
        return node
    }

    /// Reads Node manifests; completes what a kubelet would report (Ready condition, allocatable =
    /// capacity, hostname/os labels) when the file leaves it out.
    public static func load(path: String) throws -> ClusterShape {
        let results = ManifestValidator().validate(fileAt: path)
        var nodes: [Node] = []
        for result in results {
            if let issue = result.issues.first {
                throw APIError(reason: "BadRequest", message: "\(result.file):\(issue.line):\(issue.column): \(issue.message)")
            }
            guard case .node(var node)? = result.object else {
                throw APIError(reason: "BadRequest", message: "\(result.file):\(result.mark.line):\(result.mark.column): a cluster file holds Node objects, not \(result.kind ?? "?")")
            }
            let name = node.metadata.name ?? ""
            var labels = node.metadata.labels ?? [:]
            for (key, value) in ["kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"] where labels[key] == nil {
                labels[key] = value
            }
            node.metadata.labels = labels
            var status = node.status ?? NodeStatus()
            if status.allocatable == nil { status.allocatable = status.capacity }
            if status.conditions == nil { status.conditions = [NodeConditions.ready(true, at: .zero)] }
            node.status = status
            if node.spec == nil { node.spec = NodeSpec() }
            nodes.append(node)
        }
        return ClusterShape(nodes: nodes)
    }
}

/// The node conditions the node lifecycle controller and `kubectl get nodes` read.
public enum NodeConditions {
    /// Upstream kubelet wording: `kubelet is posting ready status` / the node lifecycle
    /// controller's `Kubelet stopped posting node status.` (pkg/controller/nodelifecycle).
    public static func ready(_ isReady: Bool, at time: VirtualTime) -> NodeCondition {
        var condition = NodeCondition()
        condition.type = "Ready"
        condition.status = isReady ? "True" : "Unknown"
        condition.reason = isReady ? "KubeletReady" : "NodeStatusUnknown"
        condition.message = isReady ? "kubelet is posting ready status" : "Kubelet stopped posting node status."
        condition.lastTransitionTime = time.rfc3339
        condition.lastHeartbeatTime = time.rfc3339
        return condition
    }
}

extension Node {
    public var isReady: Bool {
        status?.conditions?.first { $0.type == "Ready" }?.status == "True"
    }
}
