import KubedrillSupport
import Foundation

/// Whole microseconds, the resolution of Python's `datetime`/`timedelta`.
///
/// py-fsrs does all its time arithmetic on `timedelta`, which is exact integer microseconds:
/// `timedelta.days` floors, `step * 1.5` and `(a + b) / 2.0` round half to even. Doing the same
/// on integers (not on `Date`'s floating-point seconds) is what makes due times agree exactly.
enum Microseconds {
    static let perSecond: Int64 = 1_000_000
    static let perDay: Int64 = 86_400 * 1_000_000

    /// Microseconds since 2001-01-01 (Foundation's reference date; any epoch works for differences).
    @inline(__always)
    static func since2001(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded(.toNearestOrEven))
    }

    @inline(__always)
    static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(microseconds) / 1_000_000)
    }

    /// `timedelta(seconds=s)`: seconds rounded to the nearest microsecond, ties to even.
    static func duration(seconds: TimeInterval) -> Int64 {
        Int64((seconds * 1_000_000).rounded(.toNearestOrEven))
    }

    /// `(a - b).days`: whole days, rounded toward minus infinity as Python does.
    @inline(__always)
    static func wholeDays(_ microseconds: Int64) -> Int64 {
        let quotient = microseconds / perDay
        return (microseconds % perDay != 0 && microseconds < 0) ? quotient - 1 : quotient
    }

    /// `numerator / denominator` rounded half to even: timedelta's `_divide_and_round`.
    static func divideRoundingHalfEven(_ numerator: Int64, by denominator: Int64) -> Int64 {
        var quotient = numerator / denominator
        var remainder = numerator % denominator
        if remainder != 0 && (remainder < 0) != (denominator < 0) {  // floor, like Python's divmod
            quotient -= 1
            remainder += denominator
        }
        let twice = 2 * remainder
        if twice > denominator || (twice == denominator && quotient % 2 != 0) { quotient += 1 }
        return quotient
    }
}

/// ISO-8601 UTC timestamps as the oracle vectors write them (`2026-01-01T00:01:00Z`), without
/// Foundation's formatters: exact to the microsecond and independent of the host's calendar.
public enum FSRSTimestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var micros: Int64 = 0
        if index < bytes.count, bytes[index] == 46 {  // '.'
            index += 1
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if digits < 6 { micros = micros * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }
        var offsetSeconds: Int64 = 0
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 90, 122:  // Z z
            index += 1
        case 43, 45:  // + -
            guard bytes.count == index + 6, bytes[index + 3] == 58,
                  let offsetHours = number(bytes, index + 1, 2), let offsetMinutes = number(bytes, index + 4, 2)
            else { return nil }
            offsetSeconds = Int64(offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == 45 ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)) - daysFrom1970To2001
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        return Microseconds.date(seconds * Microseconds.perSecond + micros)
    }

    /// Formats in UTC with `Z`; fractional seconds only when there are any (as Python's isoformat).
    public static func format(_ date: Date) -> String {
        let micros = Microseconds.since2001(date)
        var seconds = micros / Microseconds.perSecond
        var fraction = micros % Microseconds.perSecond
        if fraction < 0 { fraction += Microseconds.perSecond; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = civilFromDays(days + daysFrom1970To2001)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return text + "Z"
    }

    private static let daysFrom1970To2001: Int64 = 11_323

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for index in start..<start + length {
            guard (48...57).contains(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
        }
        return value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let date = CivilCalendar.date(fromDays: days)
        return (date.year, date.month, date.day)
    }
}
