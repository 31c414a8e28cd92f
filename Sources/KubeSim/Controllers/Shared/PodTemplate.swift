import KubedrillSupport
import KubeModel

/// Pods made from a workload's template (upstream `GetPodFromTemplate` in
/// pkg/controller/controller_utils.go): the template's labels, annotations and finalizers,
/// its spec, a controller reference to the owner, and a name `<prefix><5 random characters>`
/// unless the caller names the pod (StatefulSets do).
public enum PodTemplate {
    public static func pod(from template: PodTemplateSpec?, owner: KubeObject, generateName: String? = nil,
                           name: String? = nil) -> Pod {
        var pod = Pod()
        // Metadata made apart and set once: each field set through the box asked whether it
        // was shared.
        var meta = ObjectMeta()
        let templateMeta = template?.metadata
        meta.labels = templateMeta?.labels
        meta.annotations = templateMeta?.annotations
        meta.finalizers = templateMeta?.finalizers
        meta.namespace = owner.withMetadata(\.namespace) ?? "default"
        if let name {
            meta.name = name
        } else {
            meta.generateName = generateName ?? String(concatenating: owner.withMetadata(\.name) ?? "", "-")
        }
        meta.ownerReferences = [ControllerRef.make(for: owner)]
        pod.metadata = meta
        pod.$spec = template?.$spec ?? OptionalBox()
        return pod
    }
}
