import KubeModel

/// `--dry-run=server`: the create request goes through everything the API server does before
/// storing (defaults, admission, the AlreadyExists check) and the result is returned unsaved, as
/// with `dryRun=All`: the server's fields are filled in, without a resourceVersion.
extension Cluster {
    public func dryRunCreate(_ object: KubeObject) throws -> KubeObject {
        var object = object
        var meta = object.meta
        if object.isNamespaced, (meta.namespace ?? "").isEmpty { meta.namespace = "default" }
        object.meta = meta
        if object.kind != "Event" { try admit(&object, operation: .create) }
        guard store.get(object.key) == nil else { throw APIError.alreadyExists(object.key) }
        meta = object.meta
        // A throwaway generator: a dry run must not change the uids and names that follow.
        var random = SeededRandom(seed: UInt64(store.revision) &+ 0x5eed)
        meta.uid = random.uuid()
        meta.generation = 1
        meta.creationTimestamp = store.now.rfc3339
        object.meta = meta
        return object
    }
}
