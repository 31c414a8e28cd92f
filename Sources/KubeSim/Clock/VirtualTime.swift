import Foundation

/// A point on the simulator's clock, in whole seconds since the cluster started.
///
/// Nothing in KubeSim reads the wall clock (STYLE.md §2, like `jm.clock` in upstream's
/// job_controller.go): the same inputs give the same timestamps, and ten minutes pass in microseconds.
public struct VirtualTime: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static let zero = VirtualTime(seconds: 0)

    public static func < (lhs: VirtualTime, rhs: VirtualTime) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: VirtualTime, rhs: VirtualDuration) -> VirtualTime { VirtualTime(seconds: lhs.seconds + rhs.seconds) }
    public static func - (lhs: VirtualTime, rhs: VirtualTime) -> VirtualDuration { VirtualDuration(seconds: lhs.seconds - rhs.seconds) }

    /// The fixed instant the virtual clock starts at, so `creationTimestamp` looks like a real one.
    public static let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// RFC 3339 text as the API server writes timestamps (`2026-01-01T00:00:30Z`).
    public var rfc3339: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Self.epoch.addingTimeInterval(TimeInterval(seconds)))
    }

    /// Reads a timestamp this clock wrote; nil for text from elsewhere.
    public init?(rfc3339 text: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        seconds = Int64(date.timeIntervalSince(Self.epoch).rounded())
    }

    public var description: String { "\(seconds)s" }
}

/// A span of virtual time in whole seconds.
public struct VirtualDuration: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }
    public static func seconds(_ value: Int64) -> VirtualDuration { VirtualDuration(seconds: value) }
    public static func minutes(_ value: Int64) -> VirtualDuration { VirtualDuration(seconds: value * 60) }
    public static func < (lhs: VirtualDuration, rhs: VirtualDuration) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: VirtualDuration, rhs: VirtualDuration) -> VirtualDuration { VirtualDuration(seconds: lhs.seconds + rhs.seconds) }
    public static func * (lhs: VirtualDuration, rhs: Int64) -> VirtualDuration { VirtualDuration(seconds: lhs.seconds * rhs) }

    /// Parses Go duration text as `kubectl` flags take it (`30s`, `5m`, `1h30m`, `90`= seconds).
    /// Fractions below a second round down: the virtual clock ticks in seconds.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Int64(trimmed) { self.init(seconds: plain); return }
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            switch unit {
            case "ms": total += value / 1000
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return false
            }
            number = ""; unit = ""
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        guard !trimmed.isEmpty, flush() else { return nil }
        self.init(seconds: Int64(total))
    }

    /// Go's `time.Duration.String()` for whole seconds: `10s`, `5m0s`, `1h0m0s`.
    public var description: String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, secs = seconds % 60
        if hours > 0 { return "\(hours)h\(minutes)m\(secs)s" }
        if minutes > 0 { return "\(minutes)m\(secs)s" }
        return "\(secs)s"
    }
}
