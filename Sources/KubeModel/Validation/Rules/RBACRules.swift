/// `ValidatePolicyRule`, `ValidateRoleBinding`, `ValidateRoleBindingSubject`
/// (pkg/apis/rbac/validation/validation.go, v1.33.0).
enum RBACRules {
    static func rules(_ rules: [PolicyRule], _ context: inout RuleContext) {
        for (index, rule) in rules.enumerated() {
            let path = FieldPath.index("rules", index)
            if rule.verbs.isEmpty { context.required(FieldPath.child(path, "verbs"), "verbs must contain at least one value") }
            let nonResource = rule.nonResourceURLs ?? []
            if !nonResource.isEmpty {
                if !(rule.apiGroups ?? []).isEmpty || !(rule.resources ?? []).isEmpty {
                    context.invalid(FieldPath.child(path, "nonResourceURLs"), nonResource.joined(separator: ","),
                                    "rules cannot apply to both regular resources and non-resource URLs")
                }
                continue
            }
            if (rule.apiGroups ?? []).isEmpty { context.required(FieldPath.child(path, "apiGroups"), "resource rules must supply at least one api group") }
            if (rule.resources ?? []).isEmpty { context.required(FieldPath.child(path, "resources"), "resource rules must supply at least one resource") }
        }
    }

    static func binding(roleRef: RoleRef, subjects: [Subject], isClusterBinding: Bool, _ context: inout RuleContext) {
        let kinds = isClusterBinding ? ["ClusterRole"] : ["Role", "ClusterRole"]
        if !roleRef.kind.isEmpty, !kinds.contains(roleRef.kind) { context.unsupported("roleRef.kind", roleRef.kind, kinds) }
        if roleRef.apiGroup != "rbac.authorization.k8s.io", context.wasWritten("roleRef.apiGroup") || !roleRef.apiGroup.isEmpty {
            context.unsupported("roleRef.apiGroup", roleRef.apiGroup, ["rbac.authorization.k8s.io"])
        }
        if roleRef.name.isEmpty, context.wasWritten("roleRef") { context.required("roleRef.name") }
        for (index, subject) in subjects.enumerated() {
            let path = FieldPath.index("subjects", index)
            if subject.name.isEmpty { context.required(FieldPath.child(path, "name")) }
            switch subject.kind {
            case "ServiceAccount":
                if let group = subject.apiGroup, !group.isEmpty { context.unsupported(FieldPath.child(path, "apiGroup"), group, [""]) }
                if isClusterBinding, (subject.namespace ?? "").isEmpty { context.required(FieldPath.child(path, "namespace")) }
            case "User", "Group":
                if subject.apiGroup != "rbac.authorization.k8s.io" {
                    context.unsupported(FieldPath.child(path, "apiGroup"), subject.apiGroup ?? "", ["rbac.authorization.k8s.io"])
                }
            default:
                context.unsupported(FieldPath.child(path, "kind"), subject.kind, ["ServiceAccount", "User", "Group"])
            }
        }
    }
}
