/// Go `time.ParseDuration` / `Duration.String` (`30s`, `1h30m`, `500ms`), the format of
/// `metav1.Duration` fields and of `@every` in CronJob schedules.
public enum GoDuration {
    /// Seconds in `text`, or nil when Go would refuse it ("time: invalid duration").
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text)
        var negative = false
        if rest.hasPrefix("-") || rest.hasPrefix("+") { negative = rest.hasPrefix("-"); rest = rest.dropFirst() }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3),
                                         ("s", 1), ("m", 60), ("h", 3600)]
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, number != ".", let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += value * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return negative ? -total : total
    }

    /// `Duration.String()` for whole seconds: `1h30m0s`, `45s`, `0s`.
    public static func format(seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        let sign = seconds < 0 ? "-" : ""
        let magnitude = abs(seconds)
        let hours = magnitude / 3600, minutes = (magnitude % 3600) / 60, secs = magnitude % 60
        if hours > 0 { return "\(sign)\(hours)h\(minutes)m\(secs)s" }
        if minutes > 0 { return "\(sign)\(minutes)m\(secs)s" }
        return "\(sign)\(secs)s"
    }
}
