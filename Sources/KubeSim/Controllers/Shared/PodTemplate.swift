import KubeModel

/// Pods made from a workload's template (upstream `GetPodFromTemplate` in
/// pkg/controller/controller_utils.go): the template's labels, annotations and finalizers,
/// its spec, a controller reference to the owner, and a name `<prefix><5 random characters>`
/// unless the caller names the pod (StatefulSets do).
public enum PodTemplate {
    public static func pod(from template: PodTemplateSpec?, owner: KubeObject, generateName: String? = nil,
                           name: String? = nil) -> Pod {
        var pod = Pod()
        let templateMeta = template?.metadata
        pod.metadata.labels = templateMeta?.labels
        pod.metadata.annotations = templateMeta?.annotations
        pod.metadata.finalizers = templateMeta?.finalizers
        pod.metadata.namespace = owner.withMetadata(\.namespace) ?? "default"
        if let name {
            pod.metadata.name = name
        } else {
            pod.metadata.generateName = generateName ?? "\(owner.withMetadata(\.name) ?? "")-"
        }
        pod.metadata.ownerReferences = [ControllerRef.make(for: owner)]
        pod.$spec = template?.$spec ?? OptionalBox()
        return pod
    }
}
