/// Flag values that kubectl reads the same way in several spellings.
enum KubectlValues {
    /// `strconv.ParseBool`, which pflag uses for boolean flags.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    /// A label or field selector with its comma-separated requirements sorted: `a=1,b=2` and
    /// `b=2, a=1` select the same objects. Commas inside `in (x,y)` sets are not split.
    static func selector(_ text: String) -> String {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: terms.append(current); current = ""
            default: current.append(character)
            }
        }
        terms.append(current)
        return terms.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }.sorted().joined(separator: ",")
    }

    /// A Go duration (`time.ParseDuration`) written the way Go prints it (`Duration.String`):
    /// `60s`, `1m` and `1m0s` all become `1m0s`. Anything else is returned unchanged.
    static func duration(_ text: String) -> String {
        guard let nanoseconds = parseDuration(text) else { return text }
        return formatDuration(nanoseconds)
    }

    private static let unitNanoseconds: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    static func parseDuration(_ text: String) -> Int64? {
        var rest = Substring(text)
        var sign: Int64 = 1
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = unitNanoseconds.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        guard total < 9.2e18 else { return nil }
        return sign * Int64(total.rounded())
    }

    static func formatDuration(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        if magnitude < 1_000_000_000 {
            // Under a second Go picks the largest unit that keeps an integer part: 1.5ms, 300ms.
            let (unit, size): (String, UInt64) = magnitude < 1_000 ? ("ns", 1) : magnitude < 1_000_000 ? ("µs", 1_000) : ("ms", 1_000_000)
            return sign + decimal(magnitude, size) + unit
        }
        let hours = magnitude / 3_600_000_000_000
        let minutes = magnitude / 60_000_000_000 % 60
        let seconds = magnitude % 60_000_000_000
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + decimal(seconds, 1_000_000_000) + "s"
    }

    /// `value / size` with the fraction's trailing zeros dropped.
    private static func decimal(_ value: UInt64, _ size: UInt64) -> String {
        let whole = value / size, fraction = value % size
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: String(size).count - 1 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

fileprivate extension String {
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
