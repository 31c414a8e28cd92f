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
    public mutating func uuid() -> String { uuidValue().string }

    /// The same draw as `uuid()`, kept as its 128 bits: a recorded Event's uid is only spelled
    /// out if the Event is ever read.
    public mutating func uuidValue() -> UUIDValue {
        let high = next(), low = next()
        return UUIDValue(high: high & 0xFFFF_FFFF_FFFF_0FFF | 0x4000, low: low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000)
    }

    /// `generateName` suffixes and ReplicaSet pod names: upstream's alphabet without vowels and
    /// look-alikes (`rand.String`, k8s.io/apimachinery/pkg/util/rand: "bcdfghjklmnpqrstvwxz2456789").
    public mutating func suffix(length: Int = 5) -> String {
        // Bytes written into the string's buffer: an array of Characters per name was most of the cost.
        String(unsafeUninitializedCapacity: length) { buffer in
            for index in 0..<length { buffer[index] = Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] }
            return length
        }
    }

    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)
}

/// A uid as the 128 bits of its canonical spelling (`8-4-4-4-12` lower-case hex digits).
public struct UUIDValue: Equatable, Sendable {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

    public var string: String {
        // Hex digits written into the string's buffer (one allocation, not eleven).
        String(unsafeUninitializedCapacity: 36) { buffer in
            var offset = 0
            func hex(_ value: UInt64, _ digits: Int) {
                if offset > 0 {
                    buffer[offset] = 45
                    offset += 1
                }
                for index in 0..<digits {
                    let nibble = UInt8((value >> UInt64(4 * (digits - 1 - index))) & 0xF)
                    buffer[offset + index] = nibble < 10 ? 48 + nibble : 87 + nibble
                }
                offset += digits
            }
            hex(high >> 32, 8)
            hex(high >> 16 & 0xFFFF, 4)
            hex(high & 0xFFFF, 4)
            hex(low >> 48, 4)
            hex(low & 0xFFFF_FFFF_FFFF, 12)
            return offset
        }
    }
}
