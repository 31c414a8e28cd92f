/// Writes JSON bytes as the structural pass walks a document, so a second pass is not needed to
/// hand the accepted fields to `JSONDecoder`.
struct JSONWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(34)
        for unit in text.utf8 {
            switch unit {
            case 34: bytes.append(92); bytes.append(34)
            case 92: bytes.append(92); bytes.append(92)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            case 9: bytes.append(92); bytes.append(116)
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(unit >> 4)], hex[Int(unit & 15)]])
            default: bytes.append(unit)
            }
        }
        bytes.append(34)
    }

    mutating func number(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Any value as is (for free-form fields).
    mutating func value(_ value: YAMLValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .int(let number): self.number(String(number))
        case .float(let number): number.isFinite ? self.number(GoFloatFormat.json(number)) : raw("null")
        case .string(let text): string(text)
        case .list(let items):
            bytes.append(91)
            for (offset, item) in items.enumerated() {
                if offset > 0 { bytes.append(44) }
                self.value(item.value)
            }
            bytes.append(93)
        case .map(let entries):
            bytes.append(123)
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { bytes.append(44) }
                string(entry.key)
                bytes.append(58)
                self.value(entry.value.value)
            }
            bytes.append(125)
        }
    }
}
