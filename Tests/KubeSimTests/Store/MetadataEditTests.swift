import KubeModel
import Testing
@testable import KubeSim

/// `KubeObject.editMeta` and the `meta` setter write through the boxed metadata of any kind;
/// copies sharing the storage must not see the write (copy-on-write), and nothing else changes.
@Suite("Metadata edits")
struct MetadataEditTests {
    static func pod() -> KubeObject {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.metadata.labels = ["app": "web"]
        pod.spec = PodSpec()
        return .pod(pod)
    }

    @Test("editMeta changes one field of one copy; a copy sharing its storage keeps the old value")
    func editOneField() {
        let original = Self.pod()
        var edited = original
        edited.editMeta { $0.resourceVersion = "7" }
        #expect(edited.meta.resourceVersion == "7")
        #expect(edited.meta.name == "web" && edited.meta.labels == ["app": "web"])
        #expect(original.meta.resourceVersion == nil)
        #expect(edited.pod?.spec == original.pod?.spec)
    }

    @Test("Setting meta replaces all of it, on every kind, leaving the original copy alone")
    func replaceWhole() {
        var replacement = ObjectMeta()
        replacement.name = "other"
        for original in [Self.pod(), .configMap(ConfigMap()), .job(Job()), .clusterRoleBinding(ClusterRoleBinding())] {
            var changed = original
            changed.meta = replacement
            #expect(changed.meta == replacement)
            #expect(changed.kind == original.kind)
            #expect(original.meta != replacement)
        }
    }
}
