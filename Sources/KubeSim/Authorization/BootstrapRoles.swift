import KubeModel

/// The user-facing ClusterRoles every cluster has (plugin/pkg/auth/authorizer/rbac/bootstrappolicy,
/// v1.33; https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles), with
/// the rules of their aggregated parts, and the binding of `cluster-admin` to `system:masters`:
/// - view: read most objects of a namespace, but not Secrets, Roles or RoleBindings;
/// - edit: view, plus write them and read and write Secrets; not Roles or RoleBindings;
/// - admin: edit, plus Roles and RoleBindings; not the namespace itself or its ResourceQuotas;
/// - cluster-admin: everything.
public enum BootstrapRoles {
    static let read = ["get", "list", "watch"]
    static let write = ["create", "delete", "deletecollection", "patch", "update"]

    /// Resources view may read, by API group.
    static let viewed: [(String, [String])] = [
        ("", ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
              "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "bindings", "events", "limitranges",
              "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status",
              "namespaces"]),
        ("discovery.k8s.io", ["endpointslices"]),
        ("apps", ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
                  "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"]),
        ("autoscaling", ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
        ("batch", ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
        ("policy", ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
        ("networking.k8s.io", ["ingresses", "ingresses/status", "networkpolicies"]),
    ]

    /// Resources edit may also write (and read, for Secrets), by API group.
    static let edited: [(String, [String])] = [
        ("", ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "configmaps", "events", "persistentvolumeclaims",
              "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
        ("apps", ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale",
                  "statefulsets", "statefulsets/scale"]),
        ("autoscaling", ["horizontalpodautoscalers"]),
        ("batch", ["cronjobs", "jobs"]),
        ("policy", ["poddisruptionbudgets"]),
        ("networking.k8s.io", ["ingresses", "networkpolicies"]),
    ]

    static func rule(_ verbs: [String], _ group: String, _ resources: [String]) -> PolicyRule {
        var rule = PolicyRule()
        rule.verbs = verbs
        rule.apiGroups = [group]
        rule.resources = resources
        return rule
    }

    static var viewRules: [PolicyRule] { viewed.map { rule(read, $0.0, $0.1) } }
    static var editRules: [PolicyRule] {
        viewRules + edited.map { rule(read + write, $0.0, $0.1) } + [rule(["create"], "", ["serviceaccounts/token"])]
    }
    static var adminRules: [PolicyRule] {
        editRules + [rule(read + write, "rbac.authorization.k8s.io", ["rolebindings", "roles"]),
                     rule(["create"], "authorization.k8s.io", ["localsubjectaccessreviews"])]
    }
    static var clusterAdminRules: [PolicyRule] {
        var everything = rule(["*"], "*", ["*"])
        everything.apiGroups = ["*"]
        var urls = PolicyRule()
        urls.verbs = ["*"]
        urls.nonResourceURLs = ["*"]
        return [everything, urls]
    }

    static func metadata(_ name: String) -> ObjectMeta {
        var meta = ObjectMeta()
        meta.name = name
        meta.labels = ["kubernetes.io/bootstrapping": "rbac-defaults"]
        meta.annotations = ["rbac.authorization.kubernetes.io/autoupdate": "true"]
        return meta
    }

    /// The objects, in the order the API server's bootstrap creates them.
    public static var objects: [KubeObject] {
        let roles: [(String, [PolicyRule])] = [("cluster-admin", clusterAdminRules), ("admin", adminRules), ("edit", editRules), ("view", viewRules)]
        var objects = roles.map { name, rules -> KubeObject in
            var role = ClusterRole()
            role.metadata = metadata(name)
            role.rules = rules
            return .clusterRole(role)
        }
        var binding = ClusterRoleBinding()
        binding.metadata = metadata("cluster-admin")
        binding.roleRef.apiGroup = "rbac.authorization.k8s.io"
        binding.roleRef.kind = "ClusterRole"
        binding.roleRef.name = "cluster-admin"
        var masters = Subject()
        masters.apiGroup = "rbac.authorization.k8s.io"
        masters.kind = "Group"
        masters.name = "system:masters"
        binding.subjects = [masters]
        objects.append(.clusterRoleBinding(binding))
        return objects
    }
}
