/// Whitespace trimming without Foundation: `trimmingCharacters(in:)` bridges through NSString on
/// Linux and was the largest cost of reading 10,000 cards.
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
