extension StringProtocol {
    /// The text's lines ("\n"-separated, empty ones kept), split on bytes rather than on Characters:
    /// the Character-based `split` costs more than parsing the markdown of a whole note.
    public var lineSlices: [SubSequence] {
        var lines: [SubSequence] = []
        var start = startIndex
        var index = start
        let bytes = utf8
        while index != endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                lines.append(self[start..<index])
                start = bytes.index(after: index)
                index = start
            } else {
                index = bytes.index(after: index)
            }
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
