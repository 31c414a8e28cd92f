import KubeModel

/// Deletion as the API server's registries do it.
///
/// Pods (pkg/registry/core/pod/strategy.go `CheckGracefulDelete`): a pod that runs on a node gets
/// `deletionTimestamp` and `deletionGracePeriodSeconds` (the pod's
/// `terminationGracePeriodSeconds`, default 30) and shows `Terminating`; the kubelet stops its
/// containers and then removes it. Namespaces (pkg/registry/core/namespace/storage `Delete`): one
/// with `spec.finalizers` turns `Terminating` and waits for the namespace controller. Everything
/// else goes at once unless `metadata.finalizers` hold it (`Store.delete`).
enum GracefulDeletion {
    static func delete(_ object: KubeObject, in store: Store, gracePeriod: Int64?) {
        switch object {
        case .pod(var pod) where pod.$spec.read(\.nodeName) != nil && !["Succeeded", "Failed"].contains(pod.$status.read(\.phase) ?? "") && gracePeriod != 0:
            if pod.metadata.deletionTimestamp != nil { return }
            let grace = gracePeriod ?? pod.$spec.read(\.terminationGracePeriodSeconds) ?? 30
            pod.metadata.deletionTimestamp = (store.now + .seconds(grace)).rfc3339
            pod.metadata.deletionGracePeriodSeconds = grace
            store.updateStatus(.pod(pod))
        case .namespace(var namespace) where !(namespace.spec?.finalizers ?? []).isEmpty:
            if namespace.metadata.deletionTimestamp != nil { return }
            namespace.metadata.deletionTimestamp = store.now.rfc3339
            namespace.metadata.deletionGracePeriodSeconds = 0
            var status = namespace.status ?? NamespaceStatus()
            status.phase = "Terminating"
            namespace.status = status
            store.updateStatus(.namespace(namespace))
        default:
            store.delete(object.key)
        }
    }
}
