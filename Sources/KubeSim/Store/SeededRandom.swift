/// SplitMix64: the simulator's only randomness, seeded, so uids and generated names repeat run
/// after run (STYLE.md §2). Same algorithm as Java's `SplittableRandom`.
public struct SeededRandom: Codable, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A version-4-shaped UUID string for `metadata.uid`.
    public mutating func uuid() -> String {
        let high = next(), low = next()
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let a = hex(high >> 32, 8), b = hex((high >> 16) & 0xFFFF, 4), c = hex(0x4000 | (high & 0x0FFF), 4)
        let d = hex(0x8000 | ((low >> 48) & 0x3FFF), 4), e = hex(low & 0xFFFF_FFFF_FFFF, 12)
        return "\(a)-\(b)-\(c)-\(d)-\(e)"
    }

    /// `generateName` suffixes and ReplicaSet pod names: upstream's alphabet without vowels and
    /// look-alikes (`rand.String`, k8s.io/apimachinery/pkg/util/rand: "bcdfghjklmnpqrstvwxz2456789").
    public mutating func suffix(length: Int = 5) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
    }
}
