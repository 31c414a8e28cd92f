import Foundation
import KubeModel

/// What changed in the store; controllers are fed these (upstream: watch events of an informer).
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }
    public var type: Kind
    public var key: ObjectKey
    /// The object after the change (before it, for a deletion).
    public var object: KubeObject
}

/// Errors of the API server, worded as upstream's `StatusError`s (k8s.io/apimachinery/pkg/api/errors).
public struct APIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `AlreadyExists`, `NotFound`, `Forbidden`, `Invalid`, `BadRequest`.
    public var reason: String
    public var message: String
    /// The manifest the failing request came from, when it came from one (`apply -f`).
    public var file: String?
    public var line: Int?
    /// `creating` or `applying`, for kubectl's `error when creating "web.yaml": …`.
    public var operation: String?

    public init(reason: String, message: String) {
        self.reason = reason
        self.message = message
    }

    /// Errors are the same when reason and message are; where they came from is context.
    public static func == (lhs: APIError, rhs: APIError) -> Bool { lhs.reason == rhs.reason && lhs.message == rhs.message }

    /// kubectl's rendering: `Error from server (NotFound): pods "web" not found`, with
    /// `error when creating "web.yaml": ` before the message for requests from a file.
    public var description: String {
        let context = file.map { "error when \(operation ?? "applying") \"\($0)\": " } ?? ""
        return "Error from server (\(reason)): \(context)\(message)"
    }

    public static func notFound(_ key: ObjectKey) -> APIError {
        APIError(reason: "NotFound", message: "\(ResourceName.forKind(key.kind).qualified) \"\(key.name)\" not found")
    }

    public static func alreadyExists(_ key: ObjectKey) -> APIError {
        APIError(reason: "AlreadyExists", message: "\(ResourceName.forKind(key.kind).qualified) \"\(key.name)\" already exists")
    }
}

/// The cluster's objects keyed by kind/namespace/name, with what the API server adds to each:
/// uid, resourceVersion, generation, creationTimestamp. Every change is also queued as a
/// `WatchEvent` for the controller runner.
///
/// The hot stored properties skip the dynamic exclusivity check (`@exclusivity(unchecked)`):
/// a class's properties are checked at run time on every access, and those checks (a
/// thread-local access set each time) were 4% of a simulation. The store is used from one
/// thread, and no access to these is held across a call back into the store, so none overlap.
public final class Store {
    @exclusivity(unchecked) var stored: [ObjectKey: KubeObject] = [:]
    @exclusivity(unchecked) var index = StoreIndex()
    /// Every object by key, the recorder's Events not read yet made first (DeferredEvents.swift).
    public var objects: [ObjectKey: KubeObject] {
        materializeEvents()
        return stored
    }
    /// Recorded Events no one has read yet, kept as what makes them; the objects are made on
    /// the first read of any Event. Off, each is made when recorded (the tests compare the two).
    @exclusivity(unchecked) var deferredEvents = DeferredEventQueue()
    var defersEvents = true
    /// The cluster-wide counter behind every `metadata.resourceVersion` (etcd's revision).
    @exclusivity(unchecked) public private(set) var revision: Int64 = 0
    /// For each kind, the revision of its last write (a cache of one kind, the scheduler's of
    /// claims, classes, nodes, knows it is current without reading every object again) and,
    /// for the kinds a cache follows, the keys written.
    @exclusivity(unchecked) private var histories: [HashedString: KindHistory] = [:]
    /// How many writes each kind's history keeps at most (settable so tests can watch it compact).
    @exclusivity(unchecked) var journalCapacity = 8192
    @exclusivity(unchecked) public var random: SeededRandom
    /// The time of the change being made; the runner sets it before each reconcile.
    @exclusivity(unchecked) public var now: VirtualTime = .zero {
        didSet { if now != oldValue { nowStamp = nil } }
    }
    @exclusivity(unchecked) private var nowStamp: String?
    /// `now` in RFC 3339, formatted once per instant: a busy instant stamps a dozen writes and
    /// Events, and each formatting allocated a string.
    public var nowRFC3339: String {
        if let nowStamp { return nowStamp }
        let stamp = now.rfc3339
        nowStamp = stamp
        return stamp
    }
    /// `time` in RFC 3339, the cached stamp when it is now.
    public func rfc3339(_ time: VirtualTime) -> String { time == now ? nowRFC3339 : time.rfc3339 }
    /// Changes not yet handed to controllers.
    @exclusivity(unchecked) public internal(set) var pendingEvents: [WatchEvent] = []
    @exclusivity(unchecked) private var spareEvents: [WatchEvent] = []
    /// State kubelets keep outside the API (containers, logs, pulled images), keyed by pod.
    @exclusivity(unchecked) public var containerRuntime: [ObjectKey: PodRuntime] = [:]
    /// What each distinct container command does (the kubelet's interpreter, memoised).
    let scriptRuns = ScriptRunCache()
    /// The kubelet's event texts that depend on one value (a container's name, an image).
    let kubeletTexts = KubeletTexts()
    /// Image references resolved to the `imageID` the kubelet reports.
    let imageIDs = ImageIDCache()
    /// Images each node has pulled (`IfNotPresent` skips the pull for these).
    @exclusivity(unchecked) public var nodeImages: [String: Set<String>] = [:]
    /// Every event as it happened, in order; `Event` objects aggregate repeats like upstream.
    @exclusivity(unchecked) public var eventLog: [RecordedEvent] = []
    /// The Event, made or still deferred, that a repeat bumps, by what makes a repeat a repeat
    /// (uid, reason, message, field path), so the recorder finds it without listing every event.
    @exclusivity(unchecked) var eventsByIdentity: [EventIdentity: EventHandle] = [:]
    /// The other way round, so removing an Event finds its entry without re-reading the Event.
    @exclusivity(unchecked) var identityByEvent: [ObjectKey: EventIdentity] = [:]
    /// Each Event's etcd lease (`--event-ttl`), renewed by every write of it.
    @exclusivity(unchecked) var eventLeases = EventLeases()
    /// The namespaces being deleted, as of a revision of the Namespace kind: every Event and
    /// every deletion asks, and a namespace is rarely written.
    @exclusivity(unchecked) private var terminating: (revision: Int64, names: [String]) = (-1, [])

    public init(seed: UInt64 = 1) { random = SeededRandom(seed: seed) }

    /// The revision of the last create, update or removal of an object of `kind` (0: none yet).
    public func revision(ofKind kind: String) -> Int64 { revision(ofKind: HashedString(kind)) }
    /// The same for a kind hashed once by the caller (caches ask about the same kinds each time).
    func revision(ofKind kind: HashedString) -> Int64 { histories[kind]?.revision ?? 0 }

    public func get(_ key: ObjectKey) -> KubeObject? {
        if let object = stored[key] { return object }
        guard key.kind == "Event", !deferredEvents.isEmpty else { return nil }
        materializeEvents()
        return stored[key]
    }

    /// Objects of one kind, in one namespace or all (nil), sorted by key.
    public func list(kind: String, namespace: String? = nil) -> [KubeObject] {
        if kind == "Event" { materializeEvents() }
        return index.keys(kind: kind, namespace: namespace).compactMap { stored[$0] }
    }

    /// Keys of one kind, in one namespace or all (nil), sorted.
    public func keys(kind: String, namespace: String? = nil) -> [ObjectKey] {
        if kind == "Event" { materializeEvents() }
        return index.keys(kind: kind, namespace: namespace)
    }

    /// Every kind with at least one object, sorted.
    public var kinds: [String] {
        materializeEvents()
        return index.kinds.sorted()
    }

    /// True while at least one object of `kind` exists.
    func hasObjects(ofKind kind: HashedString) -> Bool { index.hasObjects(ofKind: kind) }
    /// Changes whenever some kind gets its first object or loses its last.
    var kindsGeneration: Int { index.kindsGeneration }

    /// Makes `key` the Event a repeat of `identity` bumps.
    func correlate(_ key: ObjectKey, _ identity: EventIdentity) {
        if case .object(let previous)? = eventsByIdentity.updateValue(.object(key), forKey: identity), previous != key { identityByEvent[previous] = nil }
        identityByEvent[key] = identity
    }

    /// True while the namespace is being deleted (`NamespaceLifecycle.isTerminating`).
    public func isTerminating(namespace name: String) -> Bool {
        let current = revision(ofKind: .namespace)  // every Event and deletion asks
        if terminating.revision != current {
            terminating = (current, list(kind: "Namespace").filter(NamespaceLifecycle.isTerminating).compactMap { $0.withMetadata(\.name) })
        }
        return !terminating.names.isEmpty && terminating.names.contains(name)
    }

    /// The object with this uid, if it still exists (owner lookups). A deferred Event is not
    /// looked at: its uid is only known to whoever read the Event, and reading made it.
    public func object(withUID uid: String) -> KubeObject? {
        index.key(withUID: uid).flatMap { stored[$0] }
    }

    /// True while some object has this uid.
    public func exists(uid: String) -> Bool { index.key(withUID: uid) != nil }

    public var pods: [Pod] { list(kind: "Pod").compactMap(\.pod) }
    public var nodes: [Node] { list(kind: "Node").compactMap(\.node) }

    /// Stores a new object: uid, resourceVersion, generation 1 and creationTimestamp are set here,
    /// as the API server's registry does (`rest.BeforeCreate`).
    @discardableResult
    public func create(_ object: KubeObject) throws -> KubeObject {
        var object = object
        var meta = object.meta
        // The key from the new metadata directly: `object.with(meta)` copies the whole object.
        let kind = object.kind, namespaced = object.isNamespaced
        func keyOf(_ meta: ObjectMeta) -> ObjectKey {
            ObjectKey(kind: kind, namespace: namespaced ? (meta.namespace ?? "") : "", name: meta.name ?? "")
        }
        if (meta.name ?? "").isEmpty, let prefix = meta.generateName {
            repeat { meta.name = prefix + random.suffix() } while isTaken(keyOf(meta))
        }
        let key = keyOf(meta)
        guard !isTaken(key) else { throw APIError.alreadyExists(key) }
        stampNew(&meta, key: key)
        object.meta = meta
        if kind == "Job" { JobSelector.generate(&object) }  // the registry's PrepareForCreate, which needs the uid
        insertNew(object, at: key)
        return object
    }

    /// What the registry sets on every new object (`rest.BeforeCreate`), at the next revision.
    private func stampNew(_ meta: inout ObjectMeta, key: ObjectKey) {
        advanceRevision(writing: key)
        meta.uid = random.uuid()
        meta.resourceVersion = String(revision)
        meta.generation = 1
        meta.creationTimestamp = nowRFC3339
        meta.deletionTimestamp = nil
    }

    /// Moves to the next revision for a write of `key`, and notes the key in the history.
    func advanceRevision(writing key: ObjectKey) {
        advanceRevision(ofKind: HashedString(key.kind)) { key }
    }

    /// The same for a write whose key is made only if the kind keeps a history (a recorded
    /// Event's name is spelled when someone reads it).
    func advanceRevision(ofKind kind: HashedString, writing key: () -> ObjectKey) {
        revision += 1
        histories[kind, default: KindHistory()].record(key, at: revision, capacity: journalCapacity)
    }

    /// Keeps the keys of `kind` written from now on, for `keysWritten(ofKind:after:)`.
    public func followWrites(ofKind kind: String) {
        histories[HashedString(kind), default: KindHistory()].follow(from: revision)
    }

    /// The keys of `kind` written after `revision`, oldest first (a key written twice shows
    /// twice); nil when the kind is not followed or its history does not reach back that far
    /// (compacted past it, as etcd answers a watch from too old a revision). A cache that
    /// remembers the revision it read at catches up from here instead of re-reading every
    /// object of the kind.
    public func keysWritten(ofKind kind: String, after revision: Int64) -> ArraySlice<ObjectKey>? {
        guard revision <= self.revision else { return nil }
        return histories[HashedString(kind)]?.journal?.keys(after: revision)
    }

    /// True when an object, or a recorded Event not made yet, has this key (asking about an
    /// Event key makes the deferred ones).
    func isTaken(_ key: ObjectKey) -> Bool { get(key) != nil }

    func insertNew(_ object: KubeObject, at key: ObjectKey) {
        stored[key] = object
        index.insert(object, at: key)
        if key.kind == "Event" { eventLeases.grant(key, at: now) }
        pendingEvents.append(WatchEvent(type: .added, key: key, object: object))
    }

    /// Replaces an existing object, keeping what the server owns (uid, creationTimestamp) and
    /// bumping `generation` when anything but metadata and status changed
    /// (upstream: each kind's `PrepareForUpdate`).
    @discardableResult
    public func update(_ object: KubeObject) throws -> KubeObject {
        let key = object.key
        guard let old = get(key) else { throw APIError.notFound(key) }
        var object = object
        let (uid, created, generation) = old.withMetadata { ($0.uid, $0.creationTimestamp, $0.generation ?? 1) }
        let bumped = Self.specDiffers(old, object) ? generation + 1 : generation
        object.editMeta { meta in
            meta.uid = uid
            meta.creationTimestamp = created
            meta.generation = bumped
        }
        return commit(object, replacing: old, at: key)
    }

    /// Writes status (or metadata) without touching generation, as the `/status` subresource does.
    @discardableResult
    public func updateStatus(_ object: KubeObject) -> KubeObject? {
        updateStatus(object, at: object.key)
    }

    /// The same from a writer that read the object at `key`, so its key is not spelled and
    /// hashed again.
    @discardableResult
    public func updateStatus(_ object: KubeObject, at key: ObjectKey) -> KubeObject? {
        assert(object.key == key, "updateStatus(_:at:) with another object's key")
        guard let old = get(key) else { return nil }
        return commit(object, replacing: old, at: key)
    }

    private func commit(_ object: KubeObject, replacing old: KubeObject, at key: ObjectKey) -> KubeObject {
        var object = object
        let oldVersion = old.withMetadata { $0.resourceVersion }
        if object.withMetadata({ $0.resourceVersion != oldVersion }) {  // usually equal: the writer read `old`
            object.editMeta { $0.resourceVersion = oldVersion }
        }
        guard object != old else { return old }  // no-op writes leave resourceVersion alone
        if Self.lastFinalizerRemoved(from: old, in: object) {
            remove(key)
            return object
        }
        advanceRevision(writing: key)
        let version = String(revision)
        object.editMeta { $0.resourceVersion = version }
        stored[key] = object
        index.replace(old, with: object, at: key)
        if case .event = object { eventLeases.grant(key, at: now) }
        pendingEvents.append(WatchEvent(type: .modified, key: key, object: object))
        return object
    }

    /// `DELETE` as the API server's generic registry does it (apiserver/pkg/registry/generic/registry
    /// `Store.Delete`): an object with finalizers only gets `deletionTimestamp` and stays, showing
    /// Terminating, until the last finalizer is removed; one without goes now.
    /// Returns true when the object is gone.
    @discardableResult
    public func delete(_ key: ObjectKey) -> Bool {
        guard var object = get(key) else { return true }
        // Read in place: each `meta` copies every field.
        // Each field asked alone: one closure reading both copied the whole metadata out.
        let hasFinalizers = object.withMetadata { $0.finalizers?.isEmpty == false }
        let deleting = object.withMetadata { $0.deletionTimestamp != nil }
        guard hasFinalizers || Self.waitsForNamespaceFinalizers(object) else {
            remove(key)
            return true
        }
        guard !deleting else { return false }
        let stamp = nowRFC3339
        object.editMeta { meta in
            meta.deletionTimestamp = stamp
            meta.deletionGracePeriodSeconds = 0
        }
        updateStatus(object, at: key)
        return false
    }

    /// A deleted object whose last finalizer this write removes goes with the write, once its grace
    /// period is over (the registry's `deleteWithoutFinalizers` after an update).
    private static func lastFinalizerRemoved(from old: KubeObject, in new: KubeObject) -> Bool {
        new.withMetadata { $0.deletionTimestamp != nil && ($0.finalizers ?? []).isEmpty && ($0.deletionGracePeriodSeconds ?? 0) == 0 }
            && old.withMetadata { !($0.finalizers ?? []).isEmpty } && !Self.waitsForNamespaceFinalizers(new)
    }

    /// A namespace also waits for `spec.finalizers` (the namespace controller's `kubernetes`).
    static func waitsForNamespaceFinalizers(_ object: KubeObject) -> Bool {
        guard case .namespace(let namespace) = object else { return false }
        return !(namespace.spec?.finalizers ?? []).isEmpty
    }

    /// Removes an object now; dependents are the garbage collector's business.
    @discardableResult
    public func remove(_ key: ObjectKey) -> KubeObject? {
        if key.kind == "Event", stored[key] == nil { materializeEvents() }
        guard let old = stored.removeValue(forKey: key) else { return nil }
        index.remove(old, at: key)
        advanceRevision(writing: key)
        switch old {
        case .pod: containerRuntime[key] = nil
        case .event:
            // A removed Event can no longer be bumped: its correlation entry goes with it.
            if let identity = identityByEvent.removeValue(forKey: key), eventsByIdentity[identity] == .object(key) { eventsByIdentity[identity] = nil }
            eventLeases.revoke(key)
        default: break
        }
        pendingEvents.append(WatchEvent(type: .deleted, key: key, object: old))
        return old
    }

    /// Hands the queued changes to the runner.
    public func takePendingEvents() -> [WatchEvent] {
        let taken = pendingEvents
        pendingEvents = []
        return taken
    }

    /// Shows the queued changes to `body` and empties the queue. Two buffers take turns: the
    /// queue keeps its capacity between batches without allocating a new one each time (an
    /// emptied queue regrew append by append; a copy kept for the caller made the emptying
    /// allocate). Changes made meanwhile queue for the next batch.
    public func handPendingEvents(_ body: ([WatchEvent]) -> Void) {
        var batch: [WatchEvent] = []
        swap(&batch, &spareEvents)  // held once, so emptying it below keeps its buffer
        swap(&batch, &pendingEvents)
        body(batch)
        batch.removeAll(keepingCapacity: true)
        spareEvents = batch
    }

    /// Objects whose `ownerReferences` name `uid`, sorted by key.
    public func dependents(ofUID uid: String) -> [KubeObject] {
        let keys = index.dependents(ofUID: uid)
        var objects: [KubeObject] = []
        objects.reserveCapacity(keys.count)  // grown once, where compactMap grew it step by step
        for key in keys { if let object = stored[key] { objects.append(object) } }
        return objects
    }

    /// The keys of those objects, sorted.
    public func dependentKeys(ofUID uid: String) -> [ObjectKey] { index.dependents(ofUID: uid) }

    /// Restores a saved cluster (`cluster.json`): objects are put back as they were saved.
    func restore(objects saved: [KubeObject], revision: Int64) {
        stored = Dictionary(saved.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        deferredEvents = DeferredEventQueue()
        index = StoreIndex()
        for (key, object) in stored { index.insert(object, at: key) }
        (eventsByIdentity, identityByEvent) = ([:], [:])
        var events: [(key: ObjectKey, event: Event)] = []
        for key in index.keys(kind: "Event", namespace: nil) {
            guard case .event(let event)? = stored[key] else { continue }
            correlate(key, EventIdentity(event))
            events.append((key, event))
        }
        eventLeases = EventLeases.restored(events, now: now)
        self.revision = revision
        histories = histories.mapValues { var history = $0; history.restart(at: revision); return history }
        for key in stored.keys { histories[HashedString(key.kind), default: KindHistory()].restart(at: revision) }
        terminating = (-1, [])
    }

    /// Anything but metadata and status changed. Compared as values: a JSON round trip of
    /// both objects made every update of a spec-less kind (Endpoints, EndpointSlice) cost
    /// a millisecond.
    private static func specDiffers(_ old: KubeObject, _ new: KubeObject) -> Bool {
        let aligned = old.with(new.meta)
        // Equal apart from metadata: nothing more to compare (the common case).
        if aligned == new { return false }
        return aligned.withoutStatus != new.withoutStatus
    }
}

extension KubeObject {
    /// A copy with other metadata.
    public func with(_ meta: ObjectMeta) -> KubeObject {
        var copy = self
        copy.meta = meta
        return copy
    }
}
