/// APIs removed from Kubernetes, with what replaced them: the Kubernetes Deprecated API Migration
/// Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/).
public enum RemovedAPIs {
    public struct Removal: Sendable {
        public var removedIn: String
        /// The apiVersion to use instead, or nil when the kind itself is gone.
        public var replacement: String?
        /// What to do instead when the kind itself is gone.
        public var advice: String?
    }

    static let table: [String: Removal] = {
        var table: [String: Removal] = [:]
        func add(_ versions: [String], _ kinds: [String], _ removal: Removal) {
            for version in versions { for kind in kinds { table[version + " " + kind] = removal } }
        }
        add(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"],
            Removal(removedIn: "v1.16", replacement: "apps/v1"))
        add(["extensions/v1beta1"], ["NetworkPolicy"], Removal(removedIn: "v1.16", replacement: "networking.k8s.io/v1"))
        add(["extensions/v1beta1", "networking.k8s.io/v1beta1"], ["Ingress"], Removal(removedIn: "v1.22", replacement: "networking.k8s.io/v1"))
        add(["networking.k8s.io/v1beta1"], ["IngressClass"], Removal(removedIn: "v1.22", replacement: "networking.k8s.io/v1"))
        add(["rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"],
            ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], Removal(removedIn: "v1.22", replacement: "rbac.authorization.k8s.io/v1"))
        add(["scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1alpha1"], ["PriorityClass"],
            Removal(removedIn: "v1.22", replacement: "scheduling.k8s.io/v1"))
        add(["storage.k8s.io/v1beta1"], ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment"],
            Removal(removedIn: "v1.22", replacement: "storage.k8s.io/v1"))
        add(["batch/v1beta1", "batch/v2alpha1"], ["CronJob"], Removal(removedIn: "v1.25", replacement: "batch/v1"))
        add(["policy/v1beta1"], ["PodDisruptionBudget"], Removal(removedIn: "v1.25", replacement: "policy/v1"))
        add(["policy/v1beta1", "extensions/v1beta1"], ["PodSecurityPolicy"],
            Removal(removedIn: "v1.25", replacement: nil, advice: "use Pod Security Admission (pod-security.kubernetes.io labels on the namespace)"))
        add(["autoscaling/v2beta1"], ["HorizontalPodAutoscaler"], Removal(removedIn: "v1.25", replacement: "autoscaling/v2"))
        add(["autoscaling/v2beta2"], ["HorizontalPodAutoscaler"], Removal(removedIn: "v1.26", replacement: "autoscaling/v2"))
        add(["events.k8s.io/v1beta1"], ["Event"], Removal(removedIn: "v1.25", replacement: "events.k8s.io/v1"))
        add(["discovery.k8s.io/v1beta1"], ["EndpointSlice"], Removal(removedIn: "v1.25", replacement: "discovery.k8s.io/v1"))
        return table
    }()

    /// The removal record for this apiVersion and kind, if it was removed.
    public static func removal(apiVersion: String, kind: String) -> Removal? {
        table[apiVersion + " " + kind]
    }
}
