/// CPython's `random` generator (MT19937 seeded by `init_by_array`), so that a seed gives the same
/// fuzzed intervals as `random.seed(seed)` followed by py-fsrs's `Scheduler.review_card`.
///
/// Source: CPython `Modules/_randommodule.c` (`init_genrand`, `init_by_array`, `genrand_uint32`,
/// `random_random`, and `random_seed`, which splits a non-negative int into 32-bit words, least
/// significant first). `next()` returns Python's 53-bit `random()` value in its top bits, so
/// `Double(next() >> 11) * 0x1p-53` is exactly `random.random()`.
public struct PythonRandom: RandomNumberGenerator, Sendable {
    private var state: [UInt32]
    private var index: Int

    /// Same sequence as `random.seed(seed)` in Python.
    public init(seed: UInt64) {
        let key: [UInt32] = seed >> 32 == 0 ? [UInt32(truncatingIfNeeded: seed)]
            : [UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)]
        state = [UInt32](repeating: 0, count: 624)
        index = 624
        seedByArray(key)
    }

    /// `random.random()` in the top 53 bits.
    public mutating func next() -> UInt64 {
        let high = UInt64(nextWord() >> 5), low = UInt64(nextWord() >> 6)
        return ((high << 26) | low) << 11
    }

    /// `random.random()`: a double in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    private mutating func seedByArray(_ key: [UInt32]) {
        state[0] = 19_650_218
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = 624
    }

    private mutating func nextWord() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        for k in 0..<624 {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
            state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}
