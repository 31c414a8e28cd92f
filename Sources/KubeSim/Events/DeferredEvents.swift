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
    let namespace: String
    /// The time part of the name (`<object>.<hex of nanos>`), spelled only when the key is asked
    /// for: writing the name cost more than the rest of keeping an Event nobody reads.
    let nanos: UInt64
    /// What makes a repeat a repeat, kept here until the object is made (then `identityByEvent`).
    /// It also holds the Event's reason and message and the involved object's uid and field
    /// path: each kept twice cost a retain and a release per Event, and the involved object's
    /// reference is made only with the Event.
    let identity: EventIdentity
    let uid: UUIDValue
    var resourceVersion: Int64
    /// creationTimestamp and firstTimestamp.
    let created: String
    var lastTimestamp: String
    var count: Int32
    let type: String
    let involved: Involved
    let component: String
    let host: String?
    /// When its lease runs out; a repeat renews it.
    var deadline: VirtualTime

    /// The involved object, but for what `identity` holds.
    struct Involved {
        let apiVersion: String
        let kind: String
        let name: String
        /// Its namespace is named in the reference (a cluster-scoped object's is not).
        let isNamespaced: Bool
    }

    var reason: String { identity.reason }
    var message: String { identity.message }

    var key: ObjectKey { ObjectKey(kind: "Event", namespace: namespace, name: Store.hex(nanos, after: involved.name)) }

    /// The object as the recorder writes it (client-go `makeEvent`), server fields included.
    func event() -> Event {
        var event = Event()
        event.metadata.name = Store.hex(nanos, after: involved.name)
        event.metadata.namespace = namespace
        event.metadata.uid = uid.string
        event.metadata.resourceVersion = String(resourceVersion)
        event.metadata.generation = 1
        event.metadata.creationTimestamp = created
        var reference = ObjectReference()
        reference.apiVersion = involved.apiVersion
        reference.kind = involved.kind
        reference.name = involved.name
        reference.namespace = involved.isNamespaced ? namespace : nil
        // The identity keeps an absent uid or field path as "" (neither is ever empty when set).
        reference.uid = identity.uid.isEmpty ? nil : identity.uid
        reference.fieldPath = identity.fieldPath.isEmpty ? nil : identity.fieldPath
        event.involvedObject = reference
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

/// The deferred Events in the order recorded, each at its serial number. Nothing looks one up
/// by key: any read of an Event key makes them all first (`Store.materializeEvents`), so the
/// recorder and the leases reach them by serial, an array index, where a dictionary keyed by
/// name cost a hashed insertion and removal (and their neighbours' rehashing) per Event.
struct DeferredEventQueue {
    private var slots: [DeferredEvent?] = []
    /// Which slots hold an Event, apart: asking a slot itself copied the whole record out.
    private var live: [Bool] = []
    /// The serial of `slots[0]`.
    private var base = 0
    /// Slots before this one are all empty.
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ recorded: consuming DeferredEvent) -> Int {
        slots.append(consume recorded)
        live.append(true)
        count += 1
        return base + slots.count - 1
    }

    /// The slot of a deferred Event's serial, nil once it is made or gone.
    private func slot(_ serial: Int) -> Int? {
        let slot = serial - base
        return slot >= head && slot < slots.count && live[slot] ? slot : nil
    }

    func key(of serial: Int) -> ObjectKey? { slot(serial).map { slots[$0]!.key } }

    /// The deadline of the Event at `serial`, if it is still deferred.
    func deadline(of serial: Int) -> VirtualTime? { slot(serial).map { slots[$0]!.deadline } }

    /// Edits the Event at `serial` in place; false when it is not deferred (any more).
    mutating func modify(_ serial: Int, _ body: (inout DeferredEvent) -> Void) -> Bool {
        guard let slot = slot(serial) else { return false }
        body(&slots[slot]!)
        return true
    }

    /// Drops the Event at `serial`, showing it to `body` first where it lies: moving the record
    /// out of its slot and handing it on copied its bytes twice.
    mutating func remove<Result>(_ serial: Int, _ body: (inout DeferredEvent) -> Result) -> Result? {
        guard let slot = slot(serial) else { return nil }
        let taken = body(&slots[slot]!)
        slots[slot] = nil
        live[slot] = false
        count -= 1
        while head < live.count, !live[head] { head += 1 }
        // The emptied front is dropped once it is most of the array, so removal stays O(1) overall.
        if head == slots.count {
            base += slots.count
            (slots, live, head) = ([], [], 0)
            slots.reserveCapacity(64)
        } else if head > 1024, head * 2 > slots.count {
            slots.removeFirst(head)
            live.removeFirst(head)
            (base, head) = (base + head, 0)
        }
        return taken
    }

    /// Takes every deferred Event, with its serial, in the order recorded.
    mutating func removeAll() -> [(serial: Int, event: DeferredEvent)] {
        var taken: [(serial: Int, event: DeferredEvent)] = []
        taken.reserveCapacity(count)
        for slot in head..<slots.count where live[slot] {
            if let recorded = slots[slot].take() { taken.append((base + slot, recorded)) }
        }
        base += slots.count
        (slots, live, head, count) = ([], [], 0, 0)
        return taken
    }

    /// The keys of the deferred Events, in the order recorded (tests look at what is deferred).
    var keys: [ObjectKey] { (head..<slots.count).compactMap { live[$0] ? slots[$0]!.key : nil } }
}

/// Where the Event a repeat bumps is: made (an object at a key) or still deferred (a serial).
enum EventHandle: Equatable {
    case object(ObjectKey)
    case deferred(Int)
}

extension Store {
    /// Stores a newly recorded Event, with its lease: kept deferred, or made now when
    /// `defersEvents` is off.
    func insertRecorded(_ recorded: consuming DeferredEvent) {
        guard defersEvents else {
            let key = recorded.key
            correlate(key, recorded.identity)
            makeObject(of: recorded)
            eventLeases.grant(key, at: now)
            return
        }
        let identity = recorded.identity, deadline = recorded.deadline
        let serial = deferredEvents.append(consume recorded)
        // The Event a repeat of this identity bumps from now on.
        if case .object(let previous)? = eventsByIdentity.updateValue(.deferred(serial), forKey: identity) { identityByEvent[previous] = nil }
        eventLeases.grant(deferred: serial, until: deadline)
    }

    /// A repeat of a deferred Event: count and lastTimestamp move, and the write takes a
    /// revision and renews the lease, as `updateStatus` of the object would. False when the
    /// Event is no longer deferred.
    func bumpDeferred(_ serial: Int, at stamp: String) -> Bool {
        let deadline = now + EventLeases.ttl
        guard deferredEvents.modify(serial, { recorded in
            recorded.count += 1
            recorded.lastTimestamp = stamp
            recorded.resourceVersion = revision + 1
            recorded.deadline = deadline
            advanceRevision(ofKind: .event) { recorded.key }
        }) else { return false }
        eventLeases.grant(deferred: serial, until: deadline)
        return true
    }

    /// Makes every deferred Event, in the order they were last written (before any read of an
    /// Event key, a listing or a save); their leases carry over.
    func materializeEvents() {
        guard !deferredEvents.isEmpty else { return }
        eventLeases.adopt(deferredEvents)
        for (serial, recorded) in deferredEvents.removeAll().sorted(by: { $0.event.resourceVersion < $1.event.resourceVersion }) {
            if eventsByIdentity[recorded.identity] == .deferred(serial) { correlate(recorded.key, recorded.identity) }
            makeObject(of: recorded)
        }
    }

    private func makeObject(of recorded: borrowing DeferredEvent) {
        let object = KubeObject.event(recorded.event()), key = recorded.key
        stored[key] = object
        index.insert(object, at: key)
        pendingEvents.append(WatchEvent(type: .added, key: key, object: object))
    }

    /// The lease of a deferred Event ran out: it goes unread, the deletion taking a revision as
    /// etcd's does, and its correlation entry with it.
    func expireDeferred(_ serial: Int) {
        // The correlation entry is looked up with the identity where it lies: handing it out
        // of the slot copied its four strings.
        _ = deferredEvents.remove(serial) { recorded in
            advanceRevision(ofKind: .event) { recorded.key }
            if let index = eventsByIdentity.index(forKey: recorded.identity), eventsByIdentity.values[index] == .deferred(serial) {
                eventsByIdentity.remove(at: index)
            }
        }
    }
}
