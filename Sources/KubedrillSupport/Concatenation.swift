extension String {
    /// The parts one after another, written once at their total length. An interpolation grows
    /// its buffer as it goes (each growth an allocation and a copy); the simulator writes such a
    /// name or message for nearly every object and Event it makes.
    public init(concatenating parts: String...) {
        var total = 0
        for part in parts { total += part.utf8.count }
        self = Self.written(total) { writer in
            for part in parts { writer.append(part) }
        }
    }

    // Two to six parts, the usual, without the variadic list's array (an allocation each).
    public init(concatenating first: String, _ second: String) {
        self = Self.written(first.utf8.count + second.utf8.count) { $0.append(first); $0.append(second) }
    }

    public init(concatenating first: String, _ second: String, _ third: String) {
        self = Self.written(first.utf8.count + second.utf8.count + third.utf8.count) { writer in
            writer.append(first)
            writer.append(second)
            writer.append(third)
        }
    }

    public init(concatenating first: String, _ second: String, _ third: String, _ fourth: String) {
        self = Self.written(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count) { writer in
            writer.append(first)
            writer.append(second)
            writer.append(third)
            writer.append(fourth)
        }
    }

    public init(concatenating first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String) {
        self = Self.written(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count) { writer in
            writer.append(first)
            writer.append(second)
            writer.append(third)
            writer.append(fourth)
            writer.append(fifth)
        }
    }

    public init(concatenating first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String, _ sixth: String) {
        self = Self.written(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count + sixth.utf8.count) { writer in
            writer.append(first)
            writer.append(second)
            writer.append(third)
            writer.append(fourth)
            writer.append(fifth)
            writer.append(sixth)
        }
    }

    @inline(__always)
    private static func written(_ total: Int, _ body: (inout ConcatenationWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var writer = ConcatenationWriter(base: base)
            body(&writer)
            return writer.offset
        }
    }
}

/// Copies parts into a string's buffer, each at once where its bytes are contiguous.
private struct ConcatenationWriter {
    let base: UnsafeMutablePointer<UInt8>
    var offset = 0

    mutating func append(_ part: String) {
        let target = base + offset
        if let copied = part.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            guard let source = bytes.baseAddress else { return 0 }
            target.update(from: source, count: bytes.count)
            return bytes.count
        }) {
            offset += copied
        } else {
            for byte in part.utf8 { base[offset] = byte; offset += 1 }
        }
    }
}
