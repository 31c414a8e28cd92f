extension String {
    /// The text's lines ("\n"-separated, empty ones kept), cut from its UTF-8 bytes: the
    /// Character-based `split` cost more than parsing the markdown of a whole note.
    public var lines: [String] {
        var copy = self
        return copy.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }

    /// The text from the start of line `number` (0-based) on, or "" past the end.
    public func dropLines(_ number: Int) -> Substring {
        var remaining = number
        var index = utf8.startIndex
        while remaining > 0 {
            guard let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) else { return "" }
            index = utf8.index(after: newline)
            remaining -= 1
        }
        return self[index...]
    }
}
