/// A 64-bit hash of a few strings, computed once when a key is made. The store's keys (object
/// keys, index scopes, event identities) are hashed on every lookup, and a Swift dictionary
/// rehashes the neighbours of every removed entry: hashing their strings with SipHash each time
/// was a tenth of a simulation. Keys hash this one word instead; equality still compares the
/// strings, so a collision costs a comparison, never a wrong answer (and nothing here faces
/// untrusted input that could aim for collisions).
struct Fingerprint: Hashable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Adds one string eight bytes at a time (a multiply-xorshift per word, as wyhash and
    /// FxHash do); its length goes into the last word, so ("ab", "c") ≠ ("a", "bc").
    @inline(__always)
    mutating func add(_ part: String) {
        // Borrowed bytes: `withUTF8` needs a `var`, a copy that retained and released the string.
        value = part.utf8.withContiguousStorageIfAvailable { bytes in
            var hash = value
            var offset = 0
            let count = bytes.count
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while offset + 8 <= count {
                    hash = Self.mix(hash, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                // The last 0–7 bytes in at most three loads, not a loop over each.
                var tail: UInt64 = 0, shift: UInt64 = 0
                if count - offset >= 4 {
                    tail = UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    (offset, shift) = (offset + 4, 32)
                }
                if count - offset >= 2 {
                    tail |= UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) << shift
                    (offset, shift) = (offset + 2, shift + 16)
                }
                if offset < count { tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift }
                hash = Self.mix(hash, tail)
            }
            return Self.mix(hash, UInt64(count) | 0xff00_0000_0000_0000)
        } ?? Self.slowly(part, value)
    }

    /// Strings without contiguous UTF-8 (bridged ones, which Linux does not make): copied first.
    private static func slowly(_ part: String, _ value: UInt64) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.value = value
        fingerprint.add(String(decoding: Array(part.utf8), as: UTF8.self))
        return fingerprint.value
    }

    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word).multipliedFullWidth(by: 0x9e37_79b9_7f4a_7c15)
        return product.high ^ product.low
    }

    /// The fingerprint of a few strings in order. Each kind of key passes a fixed number of
    /// them: padding with empty strings cost a round of mixing each on every key made (and a
    /// variadic list would allocate its array).
    static func of(_ first: String, _ second: String) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(first)
        fingerprint.add(second)
        return fingerprint
    }

    static func of(_ first: String, _ second: String, _ third: String) -> Fingerprint {
        var fingerprint = of(first, second)
        fingerprint.add(third)
        return fingerprint
    }

    static func of(_ first: String, _ second: String, _ third: String, _ fourth: String) -> Fingerprint {
        var fingerprint = of(first, second, third)
        fingerprint.add(fourth)
        return fingerprint
    }

    /// A hashed collection's bucket for this fingerprint under its `seed`. `Hashable`'s default
    /// `_rawHashValue(seed:)` runs a SipHash `Hasher` over the one word (seeding, combining,
    /// finalizing: about 150 instructions) on every lookup, insertion and neighbour a removal
    /// moves; one multiply-xorshift spreads the bits as well for a table's buckets.
    @inline(__always)
    func rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Self.mix(value, UInt64(truncatingIfNeeded: seed)))
    }
}
