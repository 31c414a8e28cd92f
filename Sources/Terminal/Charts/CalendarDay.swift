import KubedrillSupport
import Foundation

/// A day of the proleptic Gregorian calendar, without time or time zone: what a review count is
/// keyed by. Arithmetic goes through a day number (days since 1970-01-01), so charts never depend
/// on the machine's calendar or zone settings.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// An out-of-range date is carried over as the calendar would (`2025-02-30` is `2025-03-02`).
    public init(year: Int, month: Int, day: Int) {
        self.init(dayNumber: Self.dayNumber(year: year, month: month, day: day))
    }

    /// The day of `components`, or nil if it lacks a year, month or day.
    public init?(_ components: DateComponents) {
        guard let year = components.year, let month = components.month, let day = components.day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(dayNumber: Int) {
        let (year, month, day) = Self.civil(fromDayNumber: dayNumber)
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int { ((dayNumber + 4) % 7 + 7) % 7 }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Howard Hinnant's `days_from_civil`, exact for every Gregorian date.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Carry months outside 1...12 into the year first.
        let monthIndex = month - 1
        let year = year + Int((Double(monthIndex) / 12).rounded(.down))
        let month = ((monthIndex % 12) + 12) % 12 + 1
        return Int(CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    static func civil(fromDayNumber number: Int) -> (Int, Int, Int) {
        let date = CivilCalendar.date(fromDays: Int64(number))
        return (Int(date.year), Int(date.month), Int(date.day))
    }
}
