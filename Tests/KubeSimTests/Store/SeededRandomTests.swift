import Testing
@testable import KubeSim

/// Uids are drawn from the seeded stream; a recorded Event keeps its uid as bits and spells it
/// only when read, so the two forms must stay one: same text, and the text parses back.
@Suite("Seeded uids")
struct SeededRandomTests {
    @Test("A uid is version-4 shaped (8-4-4-4-12 lower-case hex, version 4, variant 10xx) and the same seed draws the same ones")
    func shape() {
        var random = SeededRandom(seed: 42), again = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let uid = random.uuid()
            #expect(uid == again.uuid())
            let bytes = Array(uid.utf8)
            #expect(bytes.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(bytes[19]))
            #expect(bytes.enumerated().allSatisfy { [8, 13, 18, 23].contains($0.offset) || "0123456789abcdef".utf8.contains($0.element) })
        }
    }

    /// The spelling uids had before they were kept as bits, from the two raw draws.
    static func reference(_ high: UInt64, _ low: UInt64) -> String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: digits - text.count) + text
        }
        return [hex(high >> 32, 8), hex((high >> 16) & 0xFFFF, 4), hex(0x4000 | (high & 0x0FFF), 4),
                hex(0x8000 | ((low >> 48) & 0x3FFF), 4), hex(low & 0xFFFF_FFFF_FFFF, 12)].joined(separator: "-")
    }

    @Test("A uid kept as bits spells what the two draws always spelled")
    func bitsAndText() {
        var drawn = SeededRandom(seed: 7), raw = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let value = drawn.uuidValue()
            let high = raw.next(), low = raw.next()
            #expect(value.string == Self.reference(high, low))
        }
    }
}
