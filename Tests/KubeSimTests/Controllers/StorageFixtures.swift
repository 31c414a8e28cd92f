import KubeModel
@testable import KubeSim

/// Manifests and lookups the storage, garbage collection and namespace tests share.
enum Storage {
    /// A statically provisioned hostPath volume without a class.
    static func volume(_ name: String, size: String, modes: String = "[ReadWriteOnce]", policy: String = "Retain",
                       className: String = "", extraSpec: String = "") -> String {
        """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: \(name)}
        spec:
          capacity: {storage: \(size)}
          accessModes: \(modes)
          persistentVolumeReclaimPolicy: \(policy)
          storageClassName: "\(className)"
          hostPath: {path: /mnt/\(name)}
        \(extraSpec)
        """
    }

    /// A claim; `className: nil` leaves `storageClassName` out (the default class applies).
    static func claim(_ name: String = "data", size: String = "1Gi", modes: String = "[ReadWriteOnce]", className: String? = nil,
                      namespace: String = "default", extraSpec: String = "") -> String {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          accessModes: \(modes)
          resources: {requests: {storage: \(size)}}
        \(className.map { "  storageClassName: \"\($0)\"" } ?? "")
        \(extraSpec)
        """
    }

    /// A scheduled-by-the-scheduler pod that mounts `claim` at /data.
    static func pod(_ name: String = "db", claim: String = "data", namespace: String = "default", grace: Int = 30) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          terminationGracePeriodSeconds: \(grace)
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts: [{name: data, mountPath: /data}]
          volumes:
          - name: data
            persistentVolumeClaim: {claimName: \(claim)}
        """
    }

    static func storageClass(_ name: String, mode: String, provisioner: String = "rancher.io/local-path", policy: String = "Delete") -> String {
        """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: \(name)}
        provisioner: \(provisioner)
        reclaimPolicy: \(policy)
        volumeBindingMode: \(mode)
        """
    }
}

extension Cluster {
    func volume(_ name: String) -> PersistentVolume? {
        get(ObjectKey(kind: "PersistentVolume", name: name))?.persistentVolume
    }

    func claim(_ name: String, namespace: String) -> PersistentVolumeClaim? {
        get(ObjectKey(kind: "PersistentVolumeClaim", namespace: namespace, name: name))?.persistentVolumeClaim
    }

    var volumes: [PersistentVolume] { store.list(kind: "PersistentVolume").compactMap(\.persistentVolume) }
}

/// Records the watch stream, as an informer sees it: registered as a controller, it keeps every
/// event's type and key in order and asks for no work.
final class WatchLog: Controller {
    let name = "zz-watch-log"
    private(set) var entries: [(type: WatchEvent.Kind, key: ObjectKey)] = []

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        entries.append((event.type, event.key))
        return []
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult { .done }

    /// Where the deletion of `key` comes in the stream.
    func deletionIndex(of key: ObjectKey) -> Int? {
        entries.firstIndex { $0.type == .deleted && $0.key == key }
    }

    func deletions(ofKind kind: String) -> [Int] {
        entries.indices.filter { entries[$0].type == .deleted && entries[$0].key.kind == kind }
    }
}
