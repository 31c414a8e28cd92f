import Foundation

/// A compact binary writer for cache files: LEB128 integers and length-prefixed UTF-8 strings.
/// Caches are rebuilt from the notes whenever they cannot be read, so the format favours speed
/// over evolution; `CatalogCodec.version` changes with any change of layout.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }
}

/// Reads what `ByteWriter` wrote. Every read is bounds-checked and returns nil past the end or on a
/// malformed value, so a truncated or foreign file is rejected, never trusted.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
        return nil
    }

    /// A count or index: a non-negative int no larger than `limit`.
    mutating func count(atMost limit: Int) -> Int? {
        guard let value = int(), value >= 0, value <= limit else { return nil }
        return value
    }

    mutating func uint64() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func string() -> String? {
        guard let length = count(atMost: bytes.count - offset) else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func raw(_ length: Int) -> [UInt8]? {
        guard bytes.count - offset >= length else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }
}

/// FNV-1a, 64 bits: a fast fingerprint of a note file's bytes (to notice edits, not to resist attacks).
enum FNV1a {
    static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { buffer in hash(buffer) }
    }

    static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
