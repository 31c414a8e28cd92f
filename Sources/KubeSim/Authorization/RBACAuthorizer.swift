import KubeModel

/// One request as the authorizer sees it (k8s.io/apiserver authorizer.Attributes): who, what
/// verb, on which resource or non-resource path.
public struct AccessRequest: Sendable, Equatable {
    public var user: String
    public var groups: [String]
    public var verb: String
    public var apiGroup = ""
    public var resource = ""
    public var subresource = ""
    public var name = ""
    /// Empty for cluster-scoped resources and non-resource paths.
    public var namespace = ""
    /// Set for requests outside the API objects (`/healthz`); then the resource fields are unused.
    public var nonResourcePath: String?

    public init(user: String, groups: [String], verb: String) {
        self.user = user
        self.groups = groups
        self.verb = verb
    }
}

/// RBAC as the API server evaluates it (plugin/pkg/auth/authorizer/rbac and
/// pkg/apis/rbac/v1/evaluation_helpers.go, v1.33): every ClusterRoleBinding, plus the
/// RoleBindings of the request's namespace, that names the user, one of its groups or its
/// service account grants the rules of its role; a request is allowed when one rule matches.
/// RBAC only adds permissions: there are no deny rules. Members of `system:masters` are allowed
/// everything, as the API server's superuser group.
public enum RBACAuthorizer {
    public static func allows(_ request: AccessRequest, in store: Store) -> Bool {
        if request.groups.contains("system:masters") { return true }
        return rules(for: request, in: store).contains { matches($0, request) }
    }

    /// The rules granted to the request's user in its namespace (all of them for `auth can-i --list`).
    public static func rules(for request: AccessRequest, in store: Store) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        for object in store.list(kind: "ClusterRoleBinding") {
            guard case .clusterRoleBinding(let binding) = object, applies(binding.subjects ?? [], request, bindingNamespace: "") else { continue }
            rules += roleRules(binding.roleRef, namespace: "", in: store)
        }
        if !request.namespace.isEmpty {
            for object in store.list(kind: "RoleBinding", namespace: request.namespace) {
                guard case .roleBinding(let binding) = object, applies(binding.subjects ?? [], request, bindingNamespace: request.namespace) else { continue }
                rules += roleRules(binding.roleRef, namespace: request.namespace, in: store)
            }
        }
        return rules
    }

    /// `appliesToUser`: users by name, groups by membership, service accounts by their user name
    /// `system:serviceaccount:<namespace>:<name>` (a subject without namespace means the binding's).
    static func applies(_ subjects: [Subject], _ request: AccessRequest, bindingNamespace: String) -> Bool {
        subjects.contains { subject in
            switch subject.kind {
            case "User": return subject.name == request.user
            case "Group": return request.groups.contains(subject.name)
            case "ServiceAccount":
                let namespace = subject.namespace ?? bindingNamespace
                return request.user == "system:serviceaccount:\(namespace):\(subject.name)"
            default: return false
            }
        }
    }

    /// A RoleBinding's Role is looked up in its own namespace; a missing role grants nothing.
    static func roleRules(_ ref: RoleRef, namespace: String, in store: Store) -> [PolicyRule] {
        switch ref.kind {
        case "ClusterRole":
            guard case .clusterRole(let role)? = store.get(ObjectKey(kind: "ClusterRole", namespace: "", name: ref.name)) else { return [] }
            return role.rules ?? []
        case "Role":
            guard case .role(let role)? = store.get(ObjectKey(kind: "Role", namespace: namespace, name: ref.name)) else { return [] }
            return role.rules ?? []
        default:
            return []
        }
    }

    /// `RuleAllows`: verb, then either the non-resource URL or group, resource and name.
    public static func matches(_ rule: PolicyRule, _ request: AccessRequest) -> Bool {
        guard rule.verbs.contains("*") || rule.verbs.contains(request.verb) else { return false }
        if let path = request.nonResourcePath {
            return (rule.nonResourceURLs ?? []).contains { url in
                url == "*" || url == path || (url.hasSuffix("*") && path.hasPrefix(String(url.dropLast())))
            }
        }
        let groups = rule.apiGroups ?? []
        guard groups.contains("*") || groups.contains(request.apiGroup) else { return false }
        let combined = request.subresource.isEmpty ? request.resource : "\(request.resource)/\(request.subresource)"
        let resourceMatches = (rule.resources ?? []).contains { resource in
            resource == "*" || resource == combined || (!request.subresource.isEmpty && resource == "*/\(request.subresource)")
        }
        guard resourceMatches else { return false }
        let names = rule.resourceNames ?? []
        return names.isEmpty || names.contains(request.name)
    }
}
