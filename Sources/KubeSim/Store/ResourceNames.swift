/// How kubectl and the API server name each kind: plural resource, API group, short names.
/// Upstream: the `kubectl api-resources` table of v1.33; error messages use `resource.group`
/// (`deployments.apps "web" not found`), core kinds the bare plural (`pods "web" not found`).
public struct ResourceName: Sendable, Equatable {
    public var kind: String
    public var plural: String
    public var group: String
    public var shortNames: [String]

    /// Kinds outside namespaces (`kubectl api-resources --namespaced=false`); a test holds this to the schema.
    static let clusterScoped: Set<String> = ["Node", "Namespace", "PersistentVolume", "StorageClass", "PriorityClass",
                                             "ClusterRole", "ClusterRoleBinding", "IngressClass"]

    public var isNamespaced: Bool { !Self.clusterScoped.contains(kind) }

    /// `pods`, `deployments.apps`: the qualified resource of upstream's status errors.
    public var qualified: String { group.isEmpty ? plural : "\(plural).\(group)" }

    public static let all: [ResourceName] = [
        .init(kind: "Pod", plural: "pods", group: "", shortNames: ["po"]),
        .init(kind: "Service", plural: "services", group: "", shortNames: ["svc"]),
        .init(kind: "ConfigMap", plural: "configmaps", group: "", shortNames: ["cm"]),
        .init(kind: "Secret", plural: "secrets", group: "", shortNames: []),
        .init(kind: "Namespace", plural: "namespaces", group: "", shortNames: ["ns"]),
        .init(kind: "PersistentVolume", plural: "persistentvolumes", group: "", shortNames: ["pv"]),
        .init(kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", group: "", shortNames: ["pvc"]),
        .init(kind: "ResourceQuota", plural: "resourcequotas", group: "", shortNames: ["quota"]),
        .init(kind: "LimitRange", plural: "limitranges", group: "", shortNames: ["limits"]),
        .init(kind: "ServiceAccount", plural: "serviceaccounts", group: "", shortNames: ["sa"]),
        .init(kind: "Node", plural: "nodes", group: "", shortNames: ["no"]),
        .init(kind: "Event", plural: "events", group: "", shortNames: ["ev"]),
        .init(kind: "Endpoints", plural: "endpoints", group: "", shortNames: ["ep"]),
        .init(kind: "Deployment", plural: "deployments", group: "apps", shortNames: ["deploy"]),
        .init(kind: "ReplicaSet", plural: "replicasets", group: "apps", shortNames: ["rs"]),
        .init(kind: "StatefulSet", plural: "statefulsets", group: "apps", shortNames: ["sts"]),
        .init(kind: "DaemonSet", plural: "daemonsets", group: "apps", shortNames: ["ds"]),
        .init(kind: "Job", plural: "jobs", group: "batch", shortNames: []),
        .init(kind: "CronJob", plural: "cronjobs", group: "batch", shortNames: ["cj"]),
        .init(kind: "Ingress", plural: "ingresses", group: "networking.k8s.io", shortNames: ["ing"]),
        .init(kind: "IngressClass", plural: "ingressclasses", group: "networking.k8s.io", shortNames: []),
        .init(kind: "NetworkPolicy", plural: "networkpolicies", group: "networking.k8s.io", shortNames: ["netpol"]),
        .init(kind: "EndpointSlice", plural: "endpointslices", group: "discovery.k8s.io", shortNames: []),
        .init(kind: "StorageClass", plural: "storageclasses", group: "storage.k8s.io", shortNames: ["sc"]),
        .init(kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", group: "autoscaling", shortNames: ["hpa"]),
        .init(kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", group: "policy", shortNames: ["pdb"]),
        .init(kind: "PriorityClass", plural: "priorityclasses", group: "scheduling.k8s.io", shortNames: ["pc"]),
        .init(kind: "Role", plural: "roles", group: "rbac.authorization.k8s.io", shortNames: []),
        .init(kind: "ClusterRole", plural: "clusterroles", group: "rbac.authorization.k8s.io", shortNames: []),
        .init(kind: "RoleBinding", plural: "rolebindings", group: "rbac.authorization.k8s.io", shortNames: []),
        .init(kind: "ClusterRoleBinding", plural: "clusterrolebindings", group: "rbac.authorization.k8s.io", shortNames: []),
    ]

    /// The entry for a kind (`Pod`).
    public static func forKind(_ kind: String) -> ResourceName {
        all.first { $0.kind == kind } ?? ResourceName(kind: kind, plural: kind.lowercased() + "s", group: "", shortNames: [])
    }

    /// Resolves what a user typed after `kubectl get`: `pods`, `pod`, `po`, `Pod`, `deployments.apps`.
    public static func resolve(_ typed: String) -> ResourceName? {
        let word = typed.lowercased()
        return all.first { entry in
            word == entry.plural || word == entry.kind.lowercased() || entry.shortNames.contains(word) || word == entry.qualified
        }
    }
}
