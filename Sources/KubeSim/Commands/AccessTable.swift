import KubeModel

/// `kubectl get role|clusterrole|rolebinding|clusterrolebinding` columns (printers.go v1.33:
/// `printRole` NAME and CREATED AT in RFC 3339; `printRoleBinding` NAME, ROLE as Kind/name, AGE,
/// and with -o wide USERS, GROUPS, SERVICEACCOUNTS as namespace/name).
enum AccessTable {
    static func rows(_ objects: [KubeObject], kind: String, wide: Bool, age: (KubeObject) -> String) -> ([String], [[String]]) {
        switch kind {
        case "Role", "ClusterRole":
            return (["NAME", "CREATED AT"], objects.map { [$0.meta.name ?? "", $0.meta.creationTimestamp ?? ""] })
        default:
            let header = ["NAME", "ROLE", "AGE"] + (wide ? ["USERS", "GROUPS", "SERVICEACCOUNTS"] : [])
            let rows = objects.compactMap { object -> [String]? in
                let roleRef: RoleRef, subjects: [Subject]
                switch object {
                case .roleBinding(let binding): (roleRef, subjects) = (binding.roleRef, binding.subjects ?? [])
                case .clusterRoleBinding(let binding): (roleRef, subjects) = (binding.roleRef, binding.subjects ?? [])
                default: return nil
                }
                var row = [object.meta.name ?? "", "\(roleRef.kind)/\(roleRef.name)", age(object)]
                if wide {
                    func names(_ kind: String) -> String {
                        subjects.filter { $0.kind == kind }.map { kind == "ServiceAccount" ? "\($0.namespace ?? "")/\($0.name)" : $0.name }.joined(separator: ", ")
                    }
                    row += [names("User"), names("Group"), names("ServiceAccount")]
                }
                return row
            }
            return (header, rows)
        }
    }
}
