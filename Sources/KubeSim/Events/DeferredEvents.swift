import KubeModel

/// A recorded Event that no one has read yet: what the recorder would write, with the uid and
/// resourceVersion it was given when recorded. A CronJob run records nine Events and a
/// month-long simulation some hundred thousand, nearly all expiring unread an hour later; the
/// object, its index entries and its watch event are made on the first read instead, so a run
/// that never looks at Events does not pay for them. Reads see exactly what eager writing gives:
/// the store's revision, the uid (drawn from the same seeded stream) and the name are all taken
/// when the Event is recorded, and a repeat bumps count and resourceVersion as an update would.
/// No controller reconciles Events, so handing them their watch event late changes no outcome.
struct DeferredEvent {
    let key: ObjectKey
    /// What makes a repeat a repeat, kept here until the object is made (then `identityByEvent`).
    let identity: EventIdentity
    let uid: UUIDValue
    var resourceVersion: Int64
    /// creationTimestamp and firstTimestamp.
    let created: String
    var lastTimestamp: String
    var count: Int32
    let type: String
    let reason: String
    let message: String
    let involved: ObjectReference
    let component: String
    let host: String?

    /// The object as the recorder writes it (client-go `makeEvent`), server fields included.
    func event() -> Event {
        var event = Event()
        event.metadata.name = key.name
        event.metadata.namespace = key.namespace
        event.metadata.uid = uid.string
        event.metadata.resourceVersion = String(resourceVersion)
        event.metadata.generation = 1
        event.metadata.creationTimestamp = created
        event.involvedObject = involved
        event.type = type
        event.reason = reason
        event.message = message
        event.count = count
        event.firstTimestamp = created
        event.lastTimestamp = lastTimestamp
        var source = EventSource()
        source.component = component
        source.host = host
        event.source = source
        event.reportingComponent = component
        event.reportingInstance = host ?? ""
        return event
    }
}

extension Store {
    /// Stores a newly recorded Event: kept deferred, or made now when `defersEvents` is off.
    func insertRecorded(_ recorded: consuming DeferredEvent) {
        let key = recorded.key
        // The Event a repeat of this identity bumps from now on.
        if let previous = eventsByIdentity.updateValue(key, forKey: recorded.identity), previous != key { identityByEvent[previous] = nil }
        guard defersEvents else {
            makeObject(of: recorded)
            return
        }
        deferredEventUIDs[recorded.uid] = key
        deferredEvents[key] = consume recorded
    }

    /// A repeat of a deferred Event: count and lastTimestamp move, and the write takes a
    /// revision and renews the lease, as `updateStatus` of the object would. False when the
    /// Event at `key` is not deferred.
    func bumpDeferred(_ key: ObjectKey, at stamp: String) -> Bool {
        guard var recorded = deferredEvents[key] else { return false }
        recorded.count += 1
        recorded.lastTimestamp = stamp
        advanceRevision(writing: key)
        recorded.resourceVersion = revision
        eventLeases.grant(key, at: now)
        deferredEvents[key] = recorded
        return true
    }

    /// Makes the deferred Event at `key`, if there is one, and returns it.
    func materializeEvent(_ key: ObjectKey) -> KubeObject? {
        guard let recorded = deferredEvents.removeValue(forKey: key) else { return nil }
        deferredEventUIDs[recorded.uid] = nil
        return makeObject(of: recorded)
    }

    /// Makes every deferred Event, in the order they were recorded (before a listing or a save).
    func materializeEvents() {
        guard !deferredEvents.isEmpty else { return }
        for key in deferredEvents.values.sorted(by: { $0.resourceVersion < $1.resourceVersion }).map(\.key) {
            _ = materializeEvent(key)
        }
    }

    @discardableResult
    private func makeObject(of recorded: borrowing DeferredEvent) -> KubeObject {
        let object = KubeObject.event(recorded.event())
        if eventsByIdentity[recorded.identity] == recorded.key { identityByEvent[recorded.key] = recorded.identity }
        stored[recorded.key] = object
        index.insert(object, at: recorded.key)
        pendingEvents.append(WatchEvent(type: .added, key: recorded.key, object: object))
        return object
    }

    /// The lease of a deferred Event ran out: it goes unread, the deletion taking a revision as
    /// etcd's does, and its correlation entry with it.
    func expireDeferred(_ key: ObjectKey) -> Bool {
        guard let recorded = deferredEvents.removeValue(forKey: key) else { return false }
        deferredEventUIDs[recorded.uid] = nil
        advanceRevision(writing: key)
        if eventsByIdentity[recorded.identity] == key { eventsByIdentity[recorded.identity] = nil }
        return true
    }
}
