/// Finds the first byte sequence that is not valid UTF-8, so the error can point at it.
/// Kubernetes requires UTF-8 (JSON text); libyaml would otherwise fail with a less helpful message.
enum UTF8Check {
    static func firstInvalid(in bytes: [UInt8]) -> SourceMark? {
        var line = 1, column = 1, index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            var length = 0
            if lead < 0x80 { length = 1 }
            else if lead >= 0xC2 && lead <= 0xDF { length = 2 }
            else if lead >= 0xE0 && lead <= 0xEF { length = 3 }
            else if lead >= 0xF0 && lead <= 0xF4 { length = 4 }
            else { return SourceMark(line: line, column: column) }
            if index + length > count { return SourceMark(line: line, column: column) }
            for offset in 1..<max(1, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return SourceMark(line: line, column: column)
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return SourceMark(line: line, column: column) }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return SourceMark(line: line, column: column) }
            }
            if lead == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }
}
