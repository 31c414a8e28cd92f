import KubeModel

/// The StorageClass every cluster starts with, as kind installs it: `standard`, the default class,
/// provisioned by rancher/local-path-provisioner on the node of the first consumer, deleted with
/// its claim (kind's `storage.yaml`; default class annotation: docs "Change the default StorageClass").
enum StandardStorageClass {
    static let name = "standard"

    static func make() -> StorageClass {
        var storageClass = StorageClass()
        storageClass.metadata.name = name
        storageClass.metadata.annotations = [VolumeMatching.isDefaultClass: "true"]
        storageClass.provisioner = SimulatedProvisioner.localPath
        storageClass.reclaimPolicy = "Delete"
        storageClass.volumeBindingMode = "WaitForFirstConsumer"
        return storageClass
    }
}
