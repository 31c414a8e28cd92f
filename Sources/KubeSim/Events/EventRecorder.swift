import KubeModel

/// One occurrence of an event, as `sim run --format json` lists them.
public struct RecordedEvent: Codable, Equatable, Sendable {
    public var time: Int64
    /// `Normal` or `Warning`.
    public var type: String
    public var reason: String
    /// `Pod/web` (namespace left out, as kubectl's OBJECT column shows it: `pod/web`).
    public var object: String
    public var namespace: String
    public var message: String
}

extension Store {
    /// Records an event about `object` the way client-go's recorder does: an `Event` object named
    /// `<object>.<suffix>`; a repeat of the same reason and message on the same object bumps
    /// `count` and `lastTimestamp` instead (upstream: tools/record/events_cache.go, EventCorrelator).
    public func record(_ type: String = "Normal", _ reason: String, _ message: String, on object: KubeObject,
                       component: String, host: String? = nil, fieldPath: String? = nil) {
        let (name, namespace, uid) = object.withMetadata { ($0.name ?? "", $0.namespace ?? "default", $0.uid) }
        let kind = object.kind
        eventLog.append(RecordedEvent(time: now.seconds, type: type, reason: reason, object: kind + "/" + name,
                                      namespace: namespace, message: message))
        // A terminating namespace refuses new Events like any other content (NamespaceLifecycle).
        if isTerminating(namespace: namespace) { return }
        let identity = EventIdentity(uid: uid, reason: reason, fieldPath: fieldPath, message: message)
        let stamp = nowRFC3339
        if let key = eventsByIdentity[identity] {
            if bumpDeferred(key, at: stamp) { return }
            if case .event(var event)? = get(key) {
                event.count = (event.count ?? 1) + 1
                event.lastTimestamp = stamp
                updateStatus(.event(event))
                return
            }
        }
        // client-go names events `<object>.<hex of the time in nanoseconds>`: sortable by creation.
        let nanos = UInt64(VirtualTime.epoch.timeIntervalSince1970 + Double(now.seconds)) * 1_000_000_000 + UInt64(eventLog.count)
        let key = ObjectKey(kind: "Event", namespace: namespace, name: name + "." + Self.hex(nanos))
        guard !isTaken(key) else { return }
        // What `create` would stamp (rest.BeforeCreate): the next revision, then a uid.
        advanceRevision(writing: key)
        var involved = ObjectReference()
        involved.apiVersion = object.apiVersion
        involved.kind = kind
        involved.name = name
        involved.namespace = object.isNamespaced ? namespace : nil
        involved.uid = uid
        involved.fieldPath = fieldPath
        insertRecorded(DeferredEvent(key: key, identity: identity, uid: random.uuid(), resourceVersion: revision, created: stamp, lastTimestamp: stamp,
                                     count: 1, type: type, reason: reason, message: message, involved: involved, component: component, host: host))
        eventLeases.grant(key, at: now)
    }

    /// Lower-case hex without leading zeros, as `strconv.FormatUint(n, 16)`.
    static func hex(_ value: UInt64) -> String {
        let digits = max(1, (64 - value.leadingZeroBitCount + 3) / 4)
        return String(unsafeUninitializedCapacity: digits) { buffer in
            for index in 0..<digits {
                let nibble = UInt8((value >> UInt64(4 * (digits - 1 - index))) & 0xF)
                buffer[index] = nibble < 10 ? 48 + nibble : 87 + nibble
            }
            return digits
        }
    }

    /// The recorded occurrences about one object, oldest first.
    public func events(about key: ObjectKey) -> [RecordedEvent] {
        eventLog.filter { $0.object == "\(key.kind)/\(key.name)" && ($0.namespace == key.namespace || key.namespace.isEmpty) }
    }
}
