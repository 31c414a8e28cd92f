/// Resolves plain YAML scalars the way go-yaml v2 does (gopkg.in/yaml.v2 resolve.go), which is what
/// sigs.k8s.io/yaml — used by kubectl and the API server — runs before converting YAML to JSON.
///
/// YAML 1.1 rules, so `yes`, `on`, `y` are true; `no`, `off`, `n` are false; `0755` is octal 493;
/// `1_000` is 1000; `1e3` is the float 1000. Timestamps stay strings (yaml.v2 keeps them as strings
/// when decoding into `interface{}` for backward compatibility).
enum ScalarResolver {
    private static let booleans: [String: Bool] = [
        "y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
        "true": true, "True": true, "TRUE": true,
        "on": true, "On": true, "ON": true,
        "n": false, "N": false, "no": false, "No": false, "NO": false,
        "false": false, "False": false, "FALSE": false,
        "off": false, "Off": false, "OFF": false,
    ]
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The value of a scalar written with `style` (quoted scalars are always strings) and an explicit `tag`.
    static func resolve(_ text: String, plain: Bool, tag: String?) -> YAMLValue {
        if let tag, tag != "!" {
            switch tag {
            case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            default: break
            }
        } else if !plain || tag == "!" {
            return .string(text)
        }
        return resolvePlain(text)
    }

    static func resolvePlain(_ text: String) -> YAMLValue {
        if nulls.contains(text) { return .null }
        if let boolean = booleans[text] { return .bool(boolean) }
        switch text {
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return .string(text)
        }
        let plain = text.replacingAll("_", with: "")
        if let integer = parseGoInteger(plain) { return .int(integer) }
        if isYAMLStyleFloat(plain), let number = Double(plain) { return .float(number) }
        return .string(text)
    }

    /// `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`/`0o`/`0b` prefixes or a leading `0` for octal.
    static func parseGoInteger(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2) }
        else if body.count > 1, body.hasPrefix("0") { radix = 8; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }),
              let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        // yaml.v2 falls back to ParseUint for values above Int64.max; JSON then carries them as numbers
        // that no int32/int64 field accepts, so treating them as floats keeps the same verdicts.
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// yaml.v2 `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 48, byte <= 57 { bytes.removeFirst(); count += 1 }
            return count
        }
        if let sign = bytes.first, sign == 43 || sign == 45 { bytes.removeFirst() }
        if bytes.first == 46 {
            bytes.removeFirst()
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if bytes.first == 46 { bytes.removeFirst(); _ = digits() }
        }
        if let e = bytes.first, e == 101 || e == 69 {
            bytes.removeFirst()
            if let sign = bytes.first, sign == 43 || sign == 45 { bytes.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// A mapping key as sigs.k8s.io/yaml `convertToJSONableObject` writes it: numbers and booleans
    /// become their text (`yes:` → `"true"`, `1:` → `"1"`); floats use `FormatFloat(f, 'g', -1, 32)`.
    static func jsonKey(for value: YAMLValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .float(let number):
            if number.isNaN { return ".nan" }
            if number.isInfinite { return number > 0 ? ".inf" : "-.inf" }
            return GoFloatFormat.shortest(Float(number))
        case .null, .list, .map: return nil
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
