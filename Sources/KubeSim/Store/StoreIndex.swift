import KubeModel
import Synchronization

/// The lookups controllers make on every reconcile, kept up to date on each write so that none
/// walks the whole store: keys by kind and namespace in sorted order (an informer's indexer),
/// objects by uid, and dependents by owner uid (the garbage collector's graph).
struct StoreIndex {
    /// One kind in one namespace: a single hashed lookup per write, where a kind → namespace
    /// → keys nesting hashed both names two or three times.
    struct Scope: Hashable {
        private let fingerprint: Fingerprint
        let kind: String
        let namespace: String

        init(kind: String, namespace: String) {
            self.kind = kind
            self.namespace = namespace
            fingerprint = .of(kind, namespace)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint.value) }
        /// The bucket straight from the fingerprint (see `Fingerprint.rawHashValue(seed:)`).
        func _rawHashValue(seed: Int) -> Int { fingerprint.rawHashValue(seed: seed) }
    }

    private var keysByScope: [Scope: SortedKeys] = [:]
    /// kind → its namespaces holding at least one object.
    private var namespacesByKind: [HashedString: Set<String>] = [:]

    /// Every kind with at least one object.
    var kinds: [String] { namespacesByKind.keys.map(\.value) }
    /// Moves whenever a kind gets its first object or loses its last: what `hasObjects` answers
    /// can only have changed then. Drawn from one counter for every index, so an answer cached
    /// for one store's generation is never taken for another's.
    private(set) var kindsGeneration = Self.nextGeneration()
    private static let generations = Atomic<Int>(0)
    private static func nextGeneration() -> Int { generations.add(1, ordering: .relaxed).newValue }

    func hasObjects(ofKind kind: HashedString) -> Bool { namespacesByKind[kind] != nil }
    private var keyByUID: [HashedString: ObjectKey] = [:]
    private var dependentsByOwnerUID: [HashedString: SortedKeys] = [:]

    func key(withUID uid: String) -> ObjectKey? { keyByUID[HashedString(uid)] }

    /// The keys of the objects that name `uid` among their owners, sorted (each controller's
    /// sync asks, most several times, between two changes of its dependents).
    mutating func dependents(ofUID uid: String) -> [ObjectKey] {
        guard let index = dependentsByOwnerUID.index(forKey: HashedString(uid)) else { return [] }
        return dependentsByOwnerUID.values[index].ordered()
    }

    mutating func insert(_ object: KubeObject, at key: ObjectKey) {
        let scope = Scope(kind: key.kind, namespace: key.namespace)
        var isNew = false
        keysByScope[scope, default: { isNew = true; return SortedKeys() }()].insert(key)
        if isNew {
            namespacesByKind[HashedString(key.kind), default: { kindsGeneration = Self.nextGeneration(); return [] }()].insert(key.namespace)
        }
        let (uid, owners) = object.withMetadata { ($0.uid, $0.ownerReferences) }
        if let uid { keyByUID[HashedString(uid)] = key }
        for owner in owners ?? [] { dependentsByOwnerUID[HashedString(owner.uid), default: SortedKeys()].insert(key) }
    }

    mutating func remove(_ object: KubeObject, at key: ObjectKey) {
        let scope = Scope(kind: key.kind, namespace: key.namespace)
        // Edited in place: a copy taken out of the dictionary would make `remove(at:)` copy
        // every key of the scope.
        var isEmpty = false
        if let index = keysByScope.index(forKey: scope) {
            keysByScope.values[index].remove(key)
            isEmpty = keysByScope.values[index].members.isEmpty
        }
        if isEmpty {
            keysByScope[scope] = nil
            let kind = HashedString(key.kind)
            namespacesByKind[kind]?.remove(key.namespace)
            if namespacesByKind[kind]?.isEmpty == true {
                namespacesByKind[kind] = nil
                kindsGeneration = Self.nextGeneration()
            }
        }
        let (uid, owners) = object.withMetadata { ($0.uid, $0.ownerReferences) }
        if let uid {
            let uid = HashedString(uid)
            if let index = keyByUID.index(forKey: uid), keyByUID.values[index] == key { keyByUID.remove(at: index) }
        }
        for owner in owners ?? [] {
            let uid = HashedString(owner.uid)
            guard let index = dependentsByOwnerUID.index(forKey: uid) else { continue }
            dependentsByOwnerUID.values[index].remove(key)
            if dependentsByOwnerUID.values[index].members.isEmpty { dependentsByOwnerUID.remove(at: index) }
        }
    }

    /// An update only touches the uid and owner maps when they changed.
    mutating func replace(_ old: KubeObject, with new: KubeObject, at key: ObjectKey) {
        let before = old.withMetadata { ($0.uid, $0.ownerReferences) }, after = new.withMetadata { ($0.uid, $0.ownerReferences) }
        guard before.0 != after.0 || before.1 != after.1 else { return }
        remove(old, at: key)
        insert(new, at: key)
    }

    /// Keys of one kind, in one namespace or all (nil), sorted as `ObjectKey` sorts.
    mutating func keys(kind: String, namespace: String?) -> [ObjectKey] {
        if let namespace { return ordered(Scope(kind: kind, namespace: namespace)) }
        guard let namespaces = namespacesByKind[HashedString(kind)] else { return [] }
        if namespaces.count == 1, let only = namespaces.first {  // most kinds live in one namespace
            return ordered(Scope(kind: kind, namespace: only))
        }
        return namespaces.sorted().flatMap { ordered(Scope(kind: kind, namespace: $0)) }
    }

    private mutating func ordered(_ scope: Scope) -> [ObjectKey] {
        guard let index = keysByScope.index(forKey: scope) else { return [] }
        return keysByScope.values[index].ordered()
    }
}
