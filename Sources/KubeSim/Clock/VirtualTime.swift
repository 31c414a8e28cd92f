import KubedrillSupport
import Foundation
import Synchronization

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

    /// Seconds from 1970 to `epoch`, for the calendar arithmetic below.
    static let epochUnixSeconds: Int64 = 1_767_225_600

    /// RFC 3339 text as the API server writes timestamps (`2026-01-01T00:00:30Z`), computed with
    /// integer calendar arithmetic: every status write stamps times, and a formatter per call
    /// dominated the controllers' cost.
    public var rfc3339: String {
        if let text = Self.recentStamps.withLock({ $0.text(at: seconds) }) { return text }
        let text = formatted
        Self.recentStamps.withLock { $0.remember(text, at: seconds) }
        return text
    }

    /// The last instants formatted, with their text: one instant is stamped by several writers
    /// in a row (the pod's status, the Job's, the CronJob's), and each formatting allocated and
    /// ran the calendar arithmetic again.
    private static let recentStamps = Mutex(RecentStamps())

    private var formatted: String {
        let unix = Self.epochUnixSeconds + seconds
        let days = unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400
        let secondOfDay = unix - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        guard (0...9999).contains(year) else {
            func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let yearText = String(year)
            let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            return "\(paddedYear)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
        }
        // Digits written into the string's buffer: interpolating six padded parts cost more
        // than the rest of a status write.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = 45
            put(month, 2, at: 5)
            buffer[7] = 45
            put(day, 2, at: 8)
            buffer[10] = 84
            put(secondOfDay / 3600, 2, at: 11)
            buffer[13] = 58
            put(secondOfDay / 60 % 60, 2, at: 14)
            buffer[16] = 58
            put(secondOfDay % 60, 2, at: 17)
            buffer[19] = 90
            return 20
        }
    }

    /// Reads a timestamp this clock wrote (`YYYY-MM-DDTHH:MM:SSZ`, parsed by arithmetic), or any
    /// other RFC 3339 text through Foundation; nil for text that is not a timestamp.
    public init?(rfc3339 text: String) {
        if let seconds = Self.recentStamps.withLock({ $0.seconds(of: text) }) {
            self.seconds = seconds
            return
        }
        if let seconds = text.utf8.withContiguousStorageIfAvailable(Self.parseOwnFormat) ?? Self.parseOwnFormat(Array(text.utf8)) {
            self.seconds = seconds
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        seconds = Int64(date.timeIntervalSince(Self.epoch).rounded())
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` read by arithmetic, without copying the text out.
    private static func parseOwnFormat<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Int64? where Bytes.Element == UInt8, Bytes.Index == Int {
        if bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90 {
            func number(_ range: Range<Int>) -> Int64? {
                var value: Int64 = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int64(byte - 48)
                }
                return value
            }
            if let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
               let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day),
               hour < 24, minute < 60, second < 61 {
                let unix = Self.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
                return unix - Self.epochUnixSeconds
            }
        }
        return nil
    }

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    static func civil(fromDays count: Int64) -> (year: Int64, month: Int64, day: Int64) {
        CivilCalendar.date(fromDays: count)
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

/// The text of the last few instants formatted, the oldest replaced first. Reading one back (a
/// status field written from it) is recognised by its storage, the same buffer, without
/// comparing characters; any other text is parsed. Only formatted text is kept: the parser
/// also takes spellings (a 31 February) that are not how the instant is written.
private struct RecentStamps: ~Copyable {
    /// Each text with where its bytes live, taken once when it is remembered: asking every
    /// entry's string for its buffer on each lookup cost more than parsing.
    private var entries: [(seconds: Int64, text: String, address: UnsafeRawPointer?)] = []
    private var next = 0
    private static let capacity = 8

    func text(at seconds: Int64) -> String? {
        for entry in entries where entry.seconds == seconds { return entry.text }
        return nil
    }

    func seconds(of text: String) -> Int64? {
        guard let address = Self.storage(of: text) else { return nil }
        for entry in entries where entry.address == address { return entry.seconds }
        return nil
    }

    /// Where a native string's bytes live (nil for small strings, kept inline).
    private static func storage(of text: String) -> UnsafeRawPointer? {
        text.utf8.count > 15 ? text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil : nil
    }

    mutating func remember(_ text: String, at seconds: Int64) {
        let address = Self.storage(of: text)
        if entries.count < Self.capacity {
            entries.append((seconds, text, address))
        } else {
            entries[next] = (seconds, text, address)
            next = (next + 1) % Self.capacity
        }
    }
}
