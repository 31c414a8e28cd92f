import KubeModel

/// One occurrence of an event, as `sim run --format json` lists them.
public struct RecordedEvent: Codable, Equatable, Sendable {
    public var time: Int64
    /// `Normal` or `Warning`.
    public var type: String
    public var reason: String
    /// The involved object's kind and name, kept apart: joining them for each of a long run's
    /// hundred thousand occurrences cost an allocation each.
    public var kind: String
    public var name: String
    public var namespace: String
    public var message: String

    public init(time: Int64, type: String, reason: String, kind: String, name: String, namespace: String, message: String) {
        (self.time, self.type, self.reason, self.kind, self.name, self.namespace, self.message) = (time, type, reason, kind, name, namespace, message)
    }

    /// `Pod/web` (namespace left out, as kubectl's OBJECT column shows it: `pod/web`).
    public var object: String { kind + "/" + name }

    /// Saved as `object`, the form `cluster.json` and `sim run --format json` have always had.
    private enum CodingKeys: String, CodingKey { case time, type, reason, object, namespace, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let object = try container.decode(String.self, forKey: .object)
        let slash = object.firstIndex(of: "/") ?? object.endIndex
        self.init(time: try container.decode(Int64.self, forKey: .time), type: try container.decode(String.self, forKey: .type),
                  reason: try container.decode(String.self, forKey: .reason), kind: String(object[..<slash]),
                  name: slash == object.endIndex ? "" : String(object[object.index(after: slash)...]),
                  namespace: try container.decode(String.self, forKey: .namespace), message: try container.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(type, forKey: .type)
        try container.encode(reason, forKey: .reason)
        try container.encode(object, forKey: .object)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(message, forKey: .message)
    }
}

extension Store {
    /// Records an event about `object` the way client-go's recorder does: an `Event` object named
    /// `<object>.<suffix>`; a repeat of the same reason and message on the same object bumps
    /// `count` and `lastTimestamp` instead (upstream: tools/record/events_cache.go, EventCorrelator).
    public func record(_ type: String = "Normal", _ reason: String, _ message: String, on object: KubeObject,
                       component: String, host: String? = nil, fieldPath: String? = nil) {
        let (name, namespace, uid) = object.withMetadata { ($0.name ?? "", $0.namespace ?? "default", $0.uid) }
        let kind = object.kind
        eventLog.append(RecordedEvent(time: now.seconds, type: type, reason: reason, kind: kind, name: name, namespace: namespace, message: message))
        // A terminating namespace refuses new Events like any other content (NamespaceLifecycle).
        if isTerminating(namespace: namespace) { return }
        let identity = EventIdentity(uid: uid, reason: reason, fieldPath: fieldPath, message: message)
        let stamp = nowRFC3339
        switch eventsByIdentity[identity] {
        case .deferred(let serial)?:
            if bumpDeferred(serial, at: stamp) { return }
        case .object(let key)?:
            if case .event(var event)? = stored[key] {
                event.count = (event.count ?? 1) + 1
                event.lastTimestamp = stamp
                updateStatus(.event(event))
                return
            }
        case nil: break
        }
        // client-go names events `<object>.<hex of the time in nanoseconds>`: sortable by creation.
        // The nanoseconds grow with every occurrence (the log's length is added), so no two
        // recorded Events share a name; only an object someone wrote can hold it already, so the
        // name is spelled here only when the store holds Event objects at all.
        let nanos = UInt64(VirtualTime.epoch.timeIntervalSince1970 + Double(now.seconds)) * 1_000_000_000 + UInt64(eventLog.count)
        func key() -> ObjectKey { ObjectKey(kind: "Event", namespace: namespace, name: Self.hex(nanos, after: name)) }
        if index.hasObjects(ofKind: .event), stored[key()] != nil { return }
        // What `create` would stamp (rest.BeforeCreate): the next revision, then a uid.
        advanceRevision(ofKind: .event, writing: key)
        let involved = DeferredEvent.Involved(apiVersion: object.apiVersion, kind: kind, name: name, isNamespaced: object.isNamespaced)
        insertRecorded(DeferredEvent(namespace: namespace, nanos: nanos, identity: identity, uid: random.uuidValue(), resourceVersion: revision, created: stamp, lastTimestamp: stamp,
                                     count: 1, type: type, involved: involved, component: component, host: host,
                                     deadline: now + EventLeases.ttl))
    }

    /// Lower-case hex without leading zeros, as `strconv.FormatUint(n, 16)`; with a `name`,
    /// `<name>.<hex>`, the Event naming (one string written in place: joining made three).
    static func hex(_ value: UInt64, after name: String? = nil) -> String {
        let digits = max(1, (64 - value.leadingZeroBitCount + 3) / 4)
        let head = name?.utf8.count ?? 0, dot = name == nil ? 0 : 1
        return String(unsafeUninitializedCapacity: head + dot + digits) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            if let name {
                // Borrowed bytes, copied at once (a subscript per byte checked each index).
                if name.utf8.withContiguousStorageIfAvailable({ bytes in bytes.baseAddress.map { base.update(from: $0, count: bytes.count) } }) == nil {
                    for (offset, byte) in name.utf8.enumerated() { base[offset] = byte }
                }
                base[head] = 46  // "."
            }
            var rest = value, end = head + dot + digits
            repeat {
                end -= 1
                let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                base[end] = nibble < 10 ? 48 + nibble : 87 + nibble
                rest >>= 4
            } while end > head + dot
            return head + dot + digits
        }
    }

    /// The recorded occurrences about one object, oldest first.
    public func events(about key: ObjectKey) -> [RecordedEvent] {
        eventLog.filter { $0.kind == key.kind && $0.name == key.name && ($0.namespace == key.namespace || key.namespace.isEmpty) }
    }
}
