import Foundation
import Testing
@testable import KubedrillCLI

/// `create serviceaccount|role|clusterrole|rolebinding|clusterrolebinding|quota|pdb|priorityclass`
/// against kubectl v1.33's objects (pkg/cmd/create: create_role.go groups resources into one rule
/// per API group in sorted order; create_rolebinding.go gives users and groups the RBAC apiGroup
/// and service accounts their namespace; PodDisruptionBudgetStatus's counters are plain ints).
@Suite("Imperative commands: access control and policy objects")
struct ImperativeAccessTests {
    @Test("create role puts each API group's resources in one rule, groups sorted, verbs as given")
    func role() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["create", "role", "reader", "--verb=get,list", "--verb=watch", "--resource=deploy,pods", "--resource=pods/log",
                                  "--dry-run=client", "-o", "yaml"])
        #expect(result.out == """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              creationTimestamp: null
              name: reader
            rules:
            - apiGroups:
              - ""
              resources:
              - pods
              - pods/log
              verbs:
              - get
              - list
              - watch
            - apiGroups:
              - apps
              resources:
              - deployments
              verbs:
              - get
              - list
              - watch

            """)
        #expect(sandbox.run(["create", "role", "x", "--verb=fly", "--resource=pods"]).err.contains("invalid verb: 'fly'"))
        #expect(sandbox.run(["create", "role", "x", "--verb=get", "--resource=widgets"]).err.contains("the server doesn't have a resource type \"widgets\""))
        #expect(sandbox.run(["create", "role", "x", "--resource=pods"]).err.contains("at least one verb must be specified"))
        #expect(sandbox.run(["create", "role", "reader", "--verb=get", "--resource=pods", "-n", "dev"]).err.contains("namespaces \"dev\" not found"))
        #expect(sandbox.run(["create", "namespace", "dev"]).status == 0)
        #expect(sandbox.run(["create", "role", "reader", "--verb=get", "--resource=pods", "-n", "dev"]).out == "role.rbac.authorization.k8s.io/reader created\n")
    }

    @Test("Bindings name their role and subjects as upstream; exactly one of --role and --clusterrole")
    func bindings() throws {
        let sandbox = try Sandbox()
        let binding = sandbox.run(["create", "rolebinding", "read", "--clusterrole=view", "--user=jane", "--group=ops", "--serviceaccount=dev:bot",
                                   "--dry-run=client", "-o", "yaml"]).out
        #expect(binding.contains("""
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: view
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: User
              name: jane
            - apiGroup: rbac.authorization.k8s.io
              kind: Group
              name: ops
            - kind: ServiceAccount
              name: bot
              namespace: dev
            """))
        #expect(sandbox.run(["create", "rolebinding", "x", "--user=a"]).err.contains("exactly one of clusterrole or role must be specified"))
        #expect(sandbox.run(["create", "rolebinding", "x", "--role=r", "--serviceaccount=bot"]).err.contains("serviceaccount must be <namespace>:<name>"))
        #expect(sandbox.run(["create", "clusterrolebinding", "x", "--user=a"]).err.contains("clusterrole must be specified"))
        #expect(sandbox.run(["create", "sa", "bot"]).out == "serviceaccount/bot created\n")
        #expect(sandbox.run(["create", "rolebinding", "read", "--clusterrole=view", "--user=jane", "--serviceaccount=default:bot"]).status == 0)
        #expect(sandbox.run(["get", "rolebindings", "-o", "wide"]).out == """
            NAME   ROLE               AGE   USERS   GROUPS   SERVICEACCOUNTS
            read   ClusterRole/view   0s    jane             default/bot

            """)
    }

    @Test("quota, pdb and priorityclass objects, with the PDB's zero status counters and the default preemption policy")
    func policies() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "quota", "compute", "--hard=cpu=1,pods=2", "--dry-run=client", "-o", "yaml"]).out == """
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              creationTimestamp: null
              name: compute
            spec:
              hard:
                cpu: "1"
                pods: "2"
            status: {}

            """)
        #expect(sandbox.run(["create", "pdb", "web", "--selector=app=web", "--min-available=50%", "--dry-run=client", "-o", "yaml"]).out == """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              creationTimestamp: null
              name: web
            spec:
              minAvailable: 50%
              selector:
                matchLabels:
                  app: web
            status:
              currentHealthy: 0
              desiredHealthy: 0
              disruptionsAllowed: 0
              expectedPods: 0

            """)
        #expect(sandbox.run(["create", "pdb", "x", "--selector=app=x"]).err.contains("one of min-available or max-unavailable must be specified"))
        #expect(sandbox.run(["create", "priorityclass", "high", "--value=1000", "--description=batch first", "--dry-run=client", "-o", "yaml"]).out == """
            apiVersion: scheduling.k8s.io/v1
            description: batch first
            kind: PriorityClass
            metadata:
              creationTimestamp: null
              name: high
            preemptionPolicy: PreemptLowerPriority
            value: 1000

            """)
        // Created for real, a quota then limits the namespace it is in.
        #expect(sandbox.run(["create", "quota", "two", "--hard=pods=1"]).status == 0)
        #expect(sandbox.run(["run", "a", "--image=nginx"]).status == 0)
        let refused = sandbox.run(["run", "b", "--image=nginx"])
        #expect(refused.status == 1 && refused.err.contains("exceeded quota: two"))
    }
}
