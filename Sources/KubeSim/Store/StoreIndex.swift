import KubeModel

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
    }

    /// Keys per scope, sorted.
    private var keysByScope: [Scope: [ObjectKey]] = [:]
    /// kind → its namespaces holding at least one object.
    private(set) var namespacesByKind: [String: Set<String>] = [:]
    private(set) var keyByUID: [String: ObjectKey] = [:]
    private(set) var dependentsByOwnerUID: [String: Set<ObjectKey>] = [:]

    mutating func insert(_ object: KubeObject, at key: ObjectKey) {
        let scope = Scope(kind: key.kind, namespace: key.namespace)
        var isNew = false
        Self.insertSorted(key, into: &keysByScope[scope, default: { isNew = true; return [] }()])
        if isNew { namespacesByKind[key.kind, default: []].insert(key.namespace) }
        let (uid, owners) = object.withMetadata { ($0.uid, $0.ownerReferences) }
        if let uid { keyByUID[uid] = key }
        for owner in owners ?? [] { dependentsByOwnerUID[owner.uid, default: []].insert(key) }
    }

    mutating func remove(_ object: KubeObject, at key: ObjectKey) {
        let scope = Scope(kind: key.kind, namespace: key.namespace)
        // Edited in place: a copy taken out of the dictionary would make `remove(at:)` copy
        // every key of the scope.
        var isEmpty = false
        if let index = keysByScope.index(forKey: scope) {
            keysByScope.values[index].removeFirst(key)
            isEmpty = keysByScope.values[index].isEmpty
        }
        if isEmpty {
            keysByScope[scope] = nil
            namespacesByKind[key.kind]?.remove(key.namespace)
            if namespacesByKind[key.kind]?.isEmpty == true { namespacesByKind[key.kind] = nil }
        }
        let (uid, owners) = object.withMetadata { ($0.uid, $0.ownerReferences) }
        if let uid, keyByUID[uid] == key { keyByUID[uid] = nil }
        for owner in owners ?? [] {
            dependentsByOwnerUID[owner.uid]?.remove(key)
            if dependentsByOwnerUID[owner.uid]?.isEmpty == true { dependentsByOwnerUID[owner.uid] = nil }
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
    func keys(kind: String, namespace: String?) -> [ObjectKey] {
        if let namespace { return keysByScope[Scope(kind: kind, namespace: namespace)] ?? [] }
        guard let namespaces = namespacesByKind[kind] else { return [] }
        if namespaces.count == 1, let only = namespaces.first {  // most kinds live in one namespace
            return keysByScope[Scope(kind: kind, namespace: only)] ?? []
        }
        return namespaces.sorted().flatMap { keysByScope[Scope(kind: kind, namespace: $0)] ?? [] }
    }

    /// Where `key` belongs among one scope's sorted keys: they share kind and namespace, so
    /// names alone order them.
    fileprivate static func position(of key: ObjectKey, in keys: [ObjectKey]) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].name < key.name { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func insertSorted(_ key: ObjectKey, into keys: inout [ObjectKey]) {
        if let last = keys.last, last.name < key.name { keys.append(key); return }
        let position = Self.position(of: key, in: keys)
        if position < keys.count, keys[position].name == key.name { return }
        keys.insert(key, at: position)
    }
}

extension Array where Element == ObjectKey {
    /// Removes `key` from these sorted keys, if present.
    fileprivate mutating func removeFirst(_ key: ObjectKey) {
        let position = StoreIndex.position(of: key, in: self)
        if position < count, self[position].name == key.name { remove(at: position) }
    }
}
