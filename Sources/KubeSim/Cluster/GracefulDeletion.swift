import KubeModel

/// Pod deletion as the API server does it (pkg/registry/core/pod/strategy.go `CheckGracefulDelete`):
/// a pod that runs on a node gets `deletionTimestamp` and `deletionGracePeriodSeconds`
/// (the pod's `terminationGracePeriodSeconds`, default 30) and shows `Terminating`; the kubelet
/// stops its containers and then removes it. Unbound pods and other kinds go at once.
enum GracefulDeletion {
    static func delete(_ object: KubeObject, in store: Store, gracePeriod: Int64?) {
        guard case .pod(var pod) = object, pod.spec?.nodeName != nil,
              !["Succeeded", "Failed"].contains(pod.status?.phase ?? ""), gracePeriod != 0 else {
            store.remove(object.key)
            return
        }
        if pod.metadata.deletionTimestamp != nil { return }
        let grace = gracePeriod ?? pod.spec?.terminationGracePeriodSeconds ?? 30
        pod.metadata.deletionTimestamp = (store.now + .seconds(grace)).rfc3339
        pod.metadata.deletionGracePeriodSeconds = grace
        store.updateStatus(.pod(pod))
    }
}
