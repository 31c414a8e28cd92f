import KubeModel
import Testing
@testable import KubeSim

/// Namespace deletion. Upstream: pkg/controller/namespace/deletion/namespaced_resources_deleter.go,
/// pkg/registry/core/namespace/storage, the NamespaceLifecycle admission plugin
/// (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go), v1.33;
/// https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
@Suite("Namespace deletion")
struct NamespaceDeletionTests {
    private let namespaceKey = ObjectKey(kind: "Namespace", name: "team")

    private func teamCluster() throws -> Cluster {
        let cluster = try cluster("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}")
        try cluster.apply(yaml: podYAML("worker", extra: "  terminationGracePeriodSeconds: 20", container: "    command: [sleep, \"3600\"]")
            .replacingOccurrences(of: "name: worker", with: "name: worker\n  namespace: team"), file: "pod.yaml")
        try cluster.advance(by: .seconds(5))
        return cluster
    }

    private var namespace: (Cluster) -> Namespace? {
        { cluster in if case .namespace(let namespace)? = cluster.get(self.namespaceKey) { return namespace } else { return nil } }
    }

    @Test("A new namespace is Active with the kubernetes finalizer in spec.finalizers")
    func created() throws {
        let cluster = try teamCluster()
        #expect(namespace(cluster)?.status?.phase == "Active")
        #expect(namespace(cluster)?.spec?.finalizers == ["kubernetes"])
        #expect(cluster.pod("worker", namespace: "team")?.status?.phase == "Running")
    }

    @Test("A deleted namespace is Terminating, refuses new pods, and is gone once its pods' grace periods end")
    func terminating() throws {
        let cluster = try teamCluster()
        try cluster.delete(namespaceKey)
        let deleting = try #require(namespace(cluster))
        #expect(deleting.status?.phase == "Terminating")
        #expect(deleting.metadata.deletionTimestamp != nil)
        #expect(deleting.spec?.finalizers == ["kubernetes"])
        let remaining = deleting.status?.conditions?.first { $0.type == "NamespaceContentRemaining" }
        #expect(remaining?.status == "True" && remaining?.message == "Some resources are remaining: pods. has 1 resource instances")
        #expect(cluster.pod("worker", namespace: "team")?.metadata.deletionTimestamp != nil)
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"late\" is forbidden: unable to create new content in namespace team because it is being terminated")) {
            try cluster.apply(yaml: podYAML("late").replacingOccurrences(of: "name: late", with: "name: late\n  namespace: team"), file: "late.yaml")
        }
        try cluster.advance(by: .seconds(19))
        #expect(namespace(cluster) != nil, "the pod still has a second of its 20s grace period")
        #expect(cluster.pod("worker", namespace: "team") != nil)
        try cluster.advance(by: .seconds(2))
        #expect(cluster.pod("worker", namespace: "team") == nil)
        #expect(namespace(cluster) == nil)
        #expect(cluster.store.objects.keys.allSatisfy { $0.namespace != "team" }, "service account, events and all")
    }

    @Test("Events about content of a terminating namespace are refused like other new content (NamespaceLifecycle), the moment deletion starts")
    func eventsRefusedWhileTerminating() throws {
        let cluster = try teamCluster()
        let worker = try #require(cluster.get(.pod("worker", namespace: "team")))
        func notices() -> Int { cluster.store.list(kind: "Event", namespace: "team").filter { if case .event(let event) = $0 { event.reason == "Notice" } else { false } }.count }
        cluster.store.record("Normal", "Notice", "before", on: worker, component: "test")
        #expect(notices() == 1 && !cluster.store.isTerminating(namespace: "team"))
        try cluster.delete(namespaceKey)
        #expect(cluster.store.isTerminating(namespace: "team") && !cluster.store.isTerminating(namespace: "default"))
        #expect(notices() == 0, "the namespace controller deletes the Events already there")
        cluster.store.record("Normal", "Notice", "during", on: worker, component: "test")
        #expect(notices() == 0, "no Event object for the refused one")
        #expect(cluster.store.eventLog.last?.message == "during", "the occurrence is still in the recorded history")
    }

    @Test("default, kube-system and kube-public may not be deleted")
    func immortal() throws {
        let cluster = try cluster()
        for name in ["default", "kube-system", "kube-public"] {
            #expect(throws: APIError(reason: "Forbidden", message: "namespaces \"\(name)\" is forbidden: this namespace may not be deleted")) {
                try cluster.delete(ObjectKey(kind: "Namespace", name: name))
            }
        }
    }

    @Test("An empty namespace goes at once")
    func empty() throws {
        let cluster = try cluster("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}")
        try cluster.delete(namespaceKey)
        #expect(cluster.get(namespaceKey) == nil)
    }
}
