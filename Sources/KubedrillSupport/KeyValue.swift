/// `key=value` as command lines write it (`--labels`, `--from-literal`, `--hard`, `set env`):
/// split at the first `=`, so values may hold more of them.
public enum KeyValue {
    /// Nil without an `=` or with an empty key; the value may be empty.
    public static func split<S: StringProtocol>(_ text: S) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// `a=1,b=2` in order; nil when one pair is malformed.
    public static func list(_ text: String) -> [(key: String, value: String)]? {
        var pairs: [(key: String, value: String)] = []
        for part in text.split(separator: ",") {
            guard let pair = split(part) else { return nil }
            pairs.append(pair)
        }
        return pairs
    }
}
