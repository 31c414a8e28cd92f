/// A 64-bit FNV-1a hash of a few strings, computed once when a key is made. The store's keys
/// (object keys, index scopes, event identities) are hashed on every lookup, and a Swift
/// dictionary rehashes the neighbours of every removed entry: hashing their strings with
/// SipHash each time was a tenth of a simulation. Keys hash this one word instead; equality
/// still compares the strings.
struct Fingerprint: Hashable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Adds one string, ended by a byte UTF-8 never contains, so ("ab", "c") ≠ ("a", "bc").
    @inline(__always)
    mutating func add(_ part: String) {
        var part = part  // `withUTF8` needs a var; iterating `utf8` cost ten times more per byte
        value = part.withUTF8 { bytes in
            var hash = value
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
    }

    static func of(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "") -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(first)
        fingerprint.add(second)
        fingerprint.add(third)
        fingerprint.add(fourth)
        return fingerprint
    }
}
