extension String {
    /// The parts one after another, written once at their total length. An interpolation grows
    /// its buffer as it goes (each growth an allocation and a copy); the simulator writes such a
    /// name or message for nearly every object and Event it makes.
    public init(concatenating parts: String...) {
        var total = 0
        for part in parts { total += part.utf8.count }
        self.init(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for part in parts {
                let copied = part.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
                    (target + offset).update(from: source, count: bytes.count)
                    return bytes.count
                }
                if let copied {
                    offset += copied
                } else {
                    for byte in part.utf8 { buffer[offset] = byte; offset += 1 }
                }
            }
            return offset
        }
    }
}
