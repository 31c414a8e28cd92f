import Foundation

/// A CronJob schedule, parsed as `cron.ParseStandard` of github.com/robfig/cron/v3 (what
/// pkg/apis/batch/validation `validateScheduleFormat` and the CronJob controller use): five fields
/// (minute hour day-of-month month day-of-week) or a descriptor (`@hourly`, `@every 90s`).
public struct CronSchedule: Sendable, Equatable {
    /// One bit per allowed value of each field; `starBit` marks a field written `*` or `?`.
    let minute, hour, dayOfMonth, month, dayOfWeek: UInt64
    /// `@every`: a fixed interval instead of fields.
    let every: Int?
    static let starBit: UInt64 = 1 << 63

    struct Bounds { let min, max: Int; let names: [String: Int] }
    static let minuteBounds = Bounds(min: 0, max: 59, names: [:])
    static let hourBounds = Bounds(min: 0, max: 23, names: [:])
    static let domBounds = Bounds(min: 1, max: 31, names: [:])
    static let monthBounds = Bounds(min: 1, max: 12, names: ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                                                            "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12])
    static let dowBounds = Bounds(min: 0, max: 6, names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])

    /// Parses `text`; throws `CronScheduleError` carrying robfig/cron's message.
    public init(parsing text: String) throws {
        let spec = text.trimmingCharacters(in: .whitespaces)
        guard !spec.isEmpty else { throw CronScheduleError("empty spec string") }
        var body = spec
        if body.hasPrefix("TZ=") || body.hasPrefix("CRON_TZ=") {
            // The zone is checked by the caller (Kubernetes forbids TZ in schedules); skip it here.
            body = body.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        }
        if body.hasPrefix("@") {
            self = try Self.descriptor(body)
            return
        }
        let fields = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronScheduleError("expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]")
        }
        minute = try Self.field(fields[0], Self.minuteBounds)
        hour = try Self.field(fields[1], Self.hourBounds)
        dayOfMonth = try Self.field(fields[2], Self.domBounds)
        month = try Self.field(fields[3], Self.monthBounds)
        dayOfWeek = try Self.field(fields[4], Self.dowBounds)
        every = nil
    }

    private init(minute: UInt64, hour: UInt64, dayOfMonth: UInt64, month: UInt64, dayOfWeek: UInt64, every: Int? = nil) {
        self.minute = minute; self.hour = hour; self.dayOfMonth = dayOfMonth; self.month = month
        self.dayOfWeek = dayOfWeek; self.every = every
    }

    private static func all(_ bounds: Bounds) -> UInt64 { bits(bounds.min, bounds.max, 1) | starBit }
    private static func bits(_ start: Int, _ end: Int, _ step: Int) -> UInt64 {
        var result: UInt64 = 0
        var value = start
        while value <= end { result |= 1 << UInt64(value); value += step }
        return result
    }

    /// robfig `parseDescriptor`.
    static func descriptor(_ text: String) throws -> CronSchedule {
        let zeroMinute: UInt64 = 1, zeroHour: UInt64 = 1, firstDay: UInt64 = 1 << 1, january: UInt64 = 1 << 1
        let sunday: UInt64 = 1
        switch text {
        case "@yearly", "@annually":
            return CronSchedule(minute: zeroMinute, hour: zeroHour, dayOfMonth: firstDay, month: january, dayOfWeek: all(dowBounds))
        case "@monthly":
            return CronSchedule(minute: zeroMinute, hour: zeroHour, dayOfMonth: firstDay, month: all(monthBounds), dayOfWeek: all(dowBounds))
        case "@weekly":
            return CronSchedule(minute: zeroMinute, hour: zeroHour, dayOfMonth: all(domBounds), month: all(monthBounds), dayOfWeek: sunday)
        case "@daily", "@midnight":
            return CronSchedule(minute: zeroMinute, hour: zeroHour, dayOfMonth: all(domBounds), month: all(monthBounds), dayOfWeek: all(dowBounds))
        case "@hourly":
            return CronSchedule(minute: zeroMinute, hour: all(hourBounds), dayOfMonth: all(domBounds), month: all(monthBounds), dayOfWeek: all(dowBounds))
        default:
            let every = "@every "
            if text.hasPrefix(every) {
                let durationText = String(text.dropFirst(every.count))
                guard let seconds = GoDuration.seconds(durationText) else {
                    throw CronScheduleError("failed to parse duration \(text): time: invalid duration \"\(durationText)\"")
                }
                // robfig `Every` rounds to whole seconds, at least one.
                return CronSchedule(minute: 0, hour: 0, dayOfMonth: 0, month: 0, dayOfWeek: 0, every: max(1, Int(seconds)))
            }
            throw CronScheduleError("unrecognized descriptor: \(text)")
        }
    }

    /// robfig `getField` / `getRange`.
    static func field(_ text: String, _ bounds: Bounds) throws -> UInt64 {
        var result: UInt64 = 0
        for expression in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            result |= try range(expression, bounds)
        }
        return result
    }

    static func range(_ expression: String, _ bounds: Bounds) throws -> UInt64 {
        let rangeAndStep = expression.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var start: Int, end: Int, step = 1
        var extra: UInt64 = 0
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.min; end = bounds.max; extra = starBit
        } else {
            start = try intOrName(lowAndHigh[0], bounds.names)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try intOrName(lowAndHigh[1], bounds.names)
            default: throw CronScheduleError("too many hyphens: \(expression)")
            }
        }
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try positiveInt(rangeAndStep[1])
            if lowAndHigh.count == 1 { end = bounds.max }
            if step > 1 { extra = 0 }
        default: throw CronScheduleError("too many slashes: \(expression)")
        }
        if start < bounds.min { throw CronScheduleError("beginning of range (\(start)) below minimum (\(bounds.min)): \(expression)") }
        if end > bounds.max { throw CronScheduleError("end of range (\(end)) above maximum (\(bounds.max)): \(expression)") }
        if start > end { throw CronScheduleError("beginning of range (\(start)) beyond end of range (\(end)): \(expression)") }
        if step == 0 { throw CronScheduleError("step of range should be a positive number: \(expression)") }
        return bits(start, end, step) | extra
    }

    static func intOrName(_ text: String, _ names: [String: Int]) throws -> Int {
        if let named = names[text.lowercased()] { return named }
        return try positiveInt(text)
    }

    /// robfig `mustParseInt` with Go's `strconv.Atoi` message.
    static func positiveInt(_ text: String) throws -> Int {
        guard let number = Int(text) else {
            throw CronScheduleError("failed to parse int from \(text): strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        if number < 0 { throw CronScheduleError("negative number (\(number)) not allowed: \(text)") }
        return number
    }
}

/// A schedule robfig/cron refuses; `description` is its message, which the API server puts after
/// `spec.schedule: Invalid value: "…": `.
public struct CronScheduleError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
