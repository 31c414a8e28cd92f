import Foundation
import Testing
@testable import KubedrillCLI

/// `auth can-i` against the RBAC authorizer. Upstream rules checked (RBAC docs,
/// https://kubernetes.io/docs/reference/access-authn-authz/rbac/, and evaluation_helpers.go):
/// a RoleBinding grants only in its namespace, a ClusterRoleBinding everywhere; a RoleBinding to a
/// ClusterRole grants that role's rules in the binding's namespace only; resourceNames restrict
/// by name; subresources must be named (`pods/log` or `*/log`); service accounts are users named
/// system:serviceaccount:<ns>:<name> in groups system:serviceaccounts[:<ns>].
@Suite("auth can-i: RBAC evaluation")
struct AuthCanITests {
    static func canI(_ sandbox: Sandbox, _ words: [String]) -> Bool {
        let result = sandbox.run(["auth", "can-i"] + words)
        #expect(result.out == (result.status == 0 ? "yes\n" : "no\n"))
        return result.status == 0
    }

    @Test("A Role bound in one namespace allows its verbs on its resources there, and nothing elsewhere")
    func roleBinding() throws {
        let sandbox = try Sandbox()
        for line in [["create", "namespace", "dev"], ["create", "role", "pod-reader", "--verb=get,list", "--resource=pods", "-n", "dev"],
                     ["create", "rolebinding", "jane-reads", "--role=pod-reader", "--user=jane", "-n", "dev"]] {
            #expect(sandbox.run(line).status == 0)
        }
        #expect(Self.canI(sandbox, ["list", "pods", "--as=jane", "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["delete", "pods", "--as=jane", "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["list", "pods", "--as=jane"]))  // default namespace
        #expect(!Self.canI(sandbox, ["list", "deployments", "--as=jane", "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["get", "pods", "--subresource=log", "--as=jane", "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["list", "pods", "--as=bob", "-n", "dev"]))
        // The admin (system:masters) may do anything.
        #expect(Self.canI(sandbox, ["delete", "nodes"]))
    }

    @Test("ClusterRoles: bound by a ClusterRoleBinding they grant everywhere, by a RoleBinding only in its namespace; groups and service accounts")
    func clusterRoles() throws {
        let sandbox = try Sandbox()
        for line in [["create", "namespace", "dev"],
                     ["create", "clusterrole", "node-reader", "--verb=get,list", "--resource=nodes"],
                     ["create", "clusterrolebinding", "ops-nodes", "--clusterrole=node-reader", "--group=ops"],
                     ["create", "clusterrole", "log-reader", "--verb=get", "--resource=pods/log", "--resource-name=web"],
                     ["create", "rolebinding", "bot-logs", "--clusterrole=log-reader", "--serviceaccount=dev:bot", "-n", "dev"]] {
            #expect(sandbox.run(line).status == 0)
        }
        #expect(Self.canI(sandbox, ["list", "nodes", "--as=amy", "--as-group=ops"]))
        #expect(!Self.canI(sandbox, ["list", "nodes", "--as=amy"]))
        let bot = "--as=system:serviceaccount:dev:bot"
        #expect(Self.canI(sandbox, ["get", "pods/web", "--subresource=log", bot, "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["get", "pods/db", "--subresource=log", bot, "-n", "dev"]))
        #expect(!Self.canI(sandbox, ["get", "pods/web", "--subresource=log", bot, "-n", "default"]))
        #expect(!Self.canI(sandbox, ["get", "pods/web", "--subresource=log", "--as=system:serviceaccount:other:bot", "-n", "dev"]))
        let quiet = sandbox.run(["auth", "can-i", "get", "widgets", "--as=amy", "-q"])
        #expect(quiet.status == 1 && quiet.out.isEmpty && quiet.err.isEmpty)
    }

    @Test("The user-facing ClusterRoles: view reads but not Secrets, edit writes and reads Secrets but not Roles, admin manages RoleBindings but not quotas")
    func userFacingRoles() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["get", "clusterroles"]).out.contains("view"))
        for (user, role) in [("vera", "view"), ("ed", "edit"), ("ada", "admin")] {
            #expect(sandbox.run(["create", "rolebinding", "\(user)-\(role)", "--clusterrole=\(role)", "--user=\(user)"]).status == 0)
        }
        #expect(Self.canI(sandbox, ["list", "pods", "--as=vera"]))
        #expect(Self.canI(sandbox, ["get", "pods", "--subresource=log", "--as=vera"]))
        #expect(!Self.canI(sandbox, ["get", "secrets", "--as=vera"]))
        #expect(!Self.canI(sandbox, ["create", "deployments", "--as=vera"]))
        #expect(Self.canI(sandbox, ["create", "deployments", "--as=ed"]))
        #expect(Self.canI(sandbox, ["get", "secrets", "--as=ed"]))
        #expect(!Self.canI(sandbox, ["create", "rolebindings", "--as=ed"]))
        #expect(Self.canI(sandbox, ["create", "rolebindings", "--as=ada"]))
        #expect(!Self.canI(sandbox, ["update", "resourcequotas", "--as=ada"]))
        #expect(!Self.canI(sandbox, ["delete", "namespaces", "--as=ada"]))
        // Bound by a RoleBinding, even admin is confined to its namespace.
        #expect(!Self.canI(sandbox, ["list", "pods", "--as=ada", "-n", "kube-system"]))
        // cluster-admin through its binding to system:masters, as kubeadm's admin user gets it.
        #expect(Self.canI(sandbox, ["delete", "nodes", "--as=root", "--as-group=system:masters"]))
    }
}
