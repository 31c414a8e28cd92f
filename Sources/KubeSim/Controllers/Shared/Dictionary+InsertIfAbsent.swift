extension Dictionary {
    /// Sets `value` unless `key` has one, hashing the key once (a look-up, then an insertion,
    /// hashed it twice).
    mutating func insertIfAbsent(_ value: Value, forKey key: Key) {
        func keep(_: inout Value) {}
        keep(&self[key, default: value])
    }
}
