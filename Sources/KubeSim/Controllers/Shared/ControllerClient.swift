import KubeModel

/// How a controller writes through the API server: like any client its creates and updates pass
/// admission (a ReplicaSet's pods get defaults, LimitRange and ResourceQuota, and are refused
/// with the same errors), but unlike `Cluster.create` nothing settles here, because the caller
/// is already inside the controller runner.
public struct ControllerClient {
    unowned let cluster: Cluster

    public init(_ cluster: Cluster) { self.cluster = cluster }

    public var store: Store { cluster.store }

    @discardableResult
    public func create(_ object: KubeObject) throws -> KubeObject {
        var object = object
        try cluster.admit(&object, operation: .create)
        return try cluster.store.create(object)
    }

    /// A spec update (bumps `generation` when the spec changed).
    @discardableResult
    public func update(_ object: KubeObject) throws -> KubeObject {
        guard let live = cluster.store.get(object.key) else { throw APIError.notFound(object.key) }
        var object = object
        try cluster.admit(&object, operation: .update(old: live))
        return try cluster.store.update(object)
    }

    /// A status or metadata write (the `/status` subresource; no admission, no generation bump).
    @discardableResult
    public func updateStatus(_ object: KubeObject) -> KubeObject? {
        cluster.store.updateStatus(object)
    }

    /// The same for an object read at `key` (see `Store.updateStatus(_:at:)`).
    @discardableResult
    public func updateStatus(_ object: KubeObject, at key: ObjectKey) -> KubeObject? {
        cluster.store.updateStatus(object, at: key)
    }

    /// Deletes as the API server does: pods on a node terminate gracefully.
    public func delete(_ key: ObjectKey, gracePeriod: Int64? = nil) {
        guard let object = cluster.store.get(key) else { return }
        GracefulDeletion.delete(object, in: cluster.store, gracePeriod: gracePeriod)
    }

    /// Records an event from `component` (e.g. `replicaset-controller`).
    public func event(_ type: String = "Normal", _ reason: String, _ message: String, on object: KubeObject, component: String) {
        cluster.store.record(type, reason, message, on: object, component: component)
    }
}
