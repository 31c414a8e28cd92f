import KubeModel

/// The API server's event retention (kube-apiserver `--event-ttl`, default 1h; the event
/// registry in pkg/registry/core/event/storage writes each Event with an etcd lease of that TTL,
/// renewed on every update): an Event goes one hour after it was last recorded. Without it a
/// long simulation (a CronJob every few minutes for a month) would keep every Event forever.
/// The recorded history (`Store.eventLog`, what `sim run` reports) is not affected.
/// Docs: https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
struct EventTTLController: Controller {
    static let ttl = VirtualDuration.seconds(3600)
    let name = "event-ttl"
    let watchedKinds: Set<String>? = ["Event"]
    /// Expiring Events is not cluster activity: `advance` with no duration does not wait for it.
    var isHousekeeping: Bool { true }

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        event.key.kind == "Event" && event.type != .deleted ? [event.key] : []
    }

    /// An Event is looked at when it expires, not when it is written (the etcd lease's deadline),
    /// so recording one costs one reconcile.
    func delay(after event: WatchEvent, in store: Store) -> VirtualDuration {
        guard case .event(let recorded) = event.object else { return .seconds(0) }
        return .seconds(max(0, (Self.expiry(of: recorded, now: store.now) - store.now).seconds))
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .event(let event)? = store.get(key) else { return .done }
        let expiry = Self.expiry(of: event, now: now)
        guard expiry <= now else { return .requeue(after: expiry - now) }
        store.remove(key)
        return .done
    }

    static func expiry(of event: Event, now: VirtualTime) -> VirtualTime {
        let last = (event.lastTimestamp ?? event.firstTimestamp ?? event.metadata.creationTimestamp).flatMap(VirtualTime.init(rfc3339:)) ?? now
        return last + ttl
    }
}
