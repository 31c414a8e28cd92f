import KubeModel

/// The lookups controllers make on every reconcile, kept up to date on each write so that none
/// walks the whole store: keys by kind and namespace in sorted order (an informer's indexer),
/// objects by uid, and dependents by owner uid (the garbage collector's graph).
struct StoreIndex {
    /// kind → namespace → keys, sorted.
    private(set) var keysByKind: [String: [String: [ObjectKey]]] = [:]
    private(set) var keyByUID: [String: ObjectKey] = [:]
    private(set) var dependentsByOwnerUID: [String: Set<ObjectKey>] = [:]

    mutating func insert(_ object: KubeObject, at key: ObjectKey) {
        Self.insertSorted(key, into: &keysByKind[key.kind, default: [:]][key.namespace, default: []])
        let (uid, owners) = object.withMetadata { ($0.uid, $0.ownerReferences) }
        if let uid { keyByUID[uid] = key }
        for owner in owners ?? [] { dependentsByOwnerUID[owner.uid, default: []].insert(key) }
    }

    mutating func remove(_ object: KubeObject, at key: ObjectKey) {
        // Edited in place: a copy taken out of the dictionary would make `remove(at:)` copy
        // every key of the namespace.
        let position = keysByKind[key.kind]?[key.namespace].flatMap { keys in
            Self.position(of: key, in: keys).flatMap { keys[$0] == key ? $0 : nil }
        }
        if let position {
            keysByKind[key.kind]?[key.namespace]?.remove(at: position)
            if keysByKind[key.kind]?[key.namespace]?.isEmpty == true { keysByKind[key.kind]?[key.namespace] = nil }
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
        guard let byNamespace = keysByKind[kind] else { return [] }
        if let namespace { return byNamespace[namespace] ?? [] }
        if byNamespace.count == 1, let only = byNamespace.first { return only.value }  // most kinds live in one namespace
        return byNamespace.keys.sorted().flatMap { byNamespace[$0] ?? [] }
    }

    private static func position(of key: ObjectKey, in keys: [ObjectKey]) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count ? low : nil
    }

    private static func insertSorted(_ key: ObjectKey, into keys: inout [ObjectKey]) {
        if let last = keys.last, last < key { keys.append(key); return }
        let position = Self.position(of: key, in: keys) ?? keys.count
        if position < keys.count, keys[position] == key { return }
        keys.insert(key, at: position)
    }
}
