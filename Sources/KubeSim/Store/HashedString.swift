/// A string dictionary key that hashes by its `Fingerprint`: uids (36 bytes) and kind names key
/// the store's busiest maps, and SipHash over their bytes, on each lookup and again for each
/// neighbour a removal shifts, cost more than the rest of the lookup.
struct HashedString: Hashable, Sendable {
    private let fingerprint: Fingerprint
    let value: String

    init(_ value: String) {
        self.value = value
        var fingerprint = Fingerprint()
        fingerprint.add(value)
        self.fingerprint = fingerprint
    }

    static func == (lhs: HashedString, rhs: HashedString) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint.value) }
    func _rawHashValue(seed: Int) -> Int { fingerprint.rawHashValue(seed: seed) }

    /// Kinds whose revision hot paths ask for, hashed once (`Store.revision(ofKind:)`).
    static let node = HashedString("Node"), pod = HashedString("Pod"), namespace = HashedString("Namespace"),
               priorityClass = HashedString("PriorityClass"), event = HashedString("Event")
}
