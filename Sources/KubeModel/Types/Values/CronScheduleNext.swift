import Foundation
import KubedrillSupport

extension CronSchedule {
    /// The first activation strictly after `date` in `timeZone` (robfig/cron `SpecSchedule.Next`),
    /// or nil when none comes within five years (an impossible date such as 30 February).
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        if let every {
            // robfig `ConstantDelaySchedule.Next`: rounds down to the second, then adds the delay.
            return Date(timeIntervalSince1970: floor(date.timeIntervalSince1970) + Double(every))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        parts.second = 0
        guard let truncated = calendar.date(from: parts), var t = calendar.date(byAdding: .minute, value: 1, to: truncated) else { return nil }
        let yearLimit = calendar.component(.year, from: t) + 5
        func component(_ unit: Calendar.Component) -> Int { calendar.component(unit, from: t) }
        func has(_ mask: UInt64, _ value: Int) -> Bool { mask & (1 << UInt64(value)) != 0 }
        func startOf(_ units: Set<Calendar.Component>) -> Date? {
            calendar.date(from: calendar.dateComponents(units, from: t))
        }
        wrap: while component(.year) <= yearLimit {
            while !has(month, component(.month)) {
                guard let monthStart = startOf([.year, .month]), let next = calendar.date(byAdding: .month, value: 1, to: monthStart) else { return nil }
                t = next
                if component(.month) == 1 { continue wrap }
            }
            while !dayMatches(calendar, t) {
                guard let dayStart = startOf([.year, .month, .day]), let next = calendar.date(byAdding: .day, value: 1, to: dayStart) else { return nil }
                t = next
                if component(.day) == 1 { continue wrap }
            }
            while !has(hour, component(.hour)) {
                guard let hourStart = startOf([.year, .month, .day, .hour]), let next = calendar.date(byAdding: .hour, value: 1, to: hourStart) else { return nil }
                t = next
                if component(.hour) == 0 { continue wrap }
            }
            while !has(minute, component(.minute)) {
                guard let next = calendar.date(byAdding: .minute, value: 1, to: t) else { return nil }
                t = next
                if component(.minute) == 0 { continue wrap }
            }
            return t
        }
        return nil
    }

    /// robfig `dayMatches`: day-of-month and day-of-week are ANDed when either is `*`, else ORed.
    private func dayMatches(_ calendar: Calendar, _ date: Date) -> Bool {
        let domMatch = dayOfMonth & (1 << UInt64(calendar.component(.day, from: date))) != 0
        let dowMatch = dayOfWeek & (1 << UInt64(calendar.component(.weekday, from: date) - 1)) != 0
        if dayOfMonth & Self.starBit != 0 || dayOfWeek & Self.starBit != 0 { return domMatch && dowMatch }
        return domMatch || dowMatch
    }
}

extension CronSchedule {
    /// `next(after:in:)` for a zone whose offset from UTC never changes (UTC itself, `Etc/GMT+5`),
    /// by integer calendar arithmetic on Unix seconds: the CronJob controller asks for several
    /// activations per sync, and a Foundation calendar per question dominated its cost.
    public func next(afterUnixSeconds time: Int64, utcOffset offset: Int64) -> Int64? {
        if let every { return time + Int64(every) }
        // Local minutes since 1970, starting at the minute after `time`; walked a day at a time,
        // each day's date computed once (an hourly schedule walked 60 minutes, a date each).
        let start = Self.floorDivide(time + offset, 60) + 1
        var days = Self.floorDivide(start, 1440)
        var fromMinute = start - days * 1440
        let lastDay = days + 5 * 366
        let hours = hour & (1 << 24 - 1), minutes = minute & (1 << 60 - 1)
        while days <= lastDay {
            let date = CivilCalendar.date(fromDays: days)
            if month & (1 << UInt64(date.month)) == 0 {
                let nextMonth = date.month == 12 ? (date.year + 1, Int64(1)) : (date.year, date.month + 1)
                (days, fromMinute) = (CivilCalendar.days(year: nextMonth.0, month: nextMonth.1, day: 1), 0)
                continue
            }
            let weekday = Int((days % 7 + 11) % 7)  // 1970-01-01 was a Thursday (4)
            if dayMatches(dayOfMonth: Int(date.day), weekday: weekday),
               let minuteOfDay = Self.firstMatch(hours: hours, minutes: minutes, from: fromMinute) {
                return (days * 1440 + minuteOfDay) * 60 - offset
            }
            (days, fromMinute) = (days + 1, 0)
        }
        return nil
    }

    /// The first minute of a day at or after `start` whose hour and minute bits are both set,
    /// found by scanning the masks rather than trying each minute.
    private static func firstMatch(hours: UInt64, minutes: UInt64, from start: Int64) -> Int64? {
        var hourOfDay = start / 60, minuteOfHour = start % 60
        while hourOfDay < 24 {
            let laterHours = hours >> UInt64(hourOfDay)
            guard laterHours != 0 else { return nil }
            let skipped = Int64(laterHours.trailingZeroBitCount)
            if skipped > 0 { (hourOfDay, minuteOfHour) = (hourOfDay + skipped, 0) }
            let laterMinutes = minutes >> UInt64(minuteOfHour)
            if laterMinutes != 0 { return hourOfDay * 60 + minuteOfHour + Int64(laterMinutes.trailingZeroBitCount) }
            (hourOfDay, minuteOfHour) = (hourOfDay + 1, 0)
        }
        return nil
    }

    private func dayMatches(dayOfMonth day: Int, weekday: Int) -> Bool {
        let domMatch = dayOfMonth & (1 << UInt64(day)) != 0
        let dowMatch = dayOfWeek & (1 << UInt64(weekday)) != 0
        if dayOfMonth & Self.starBit != 0 || dayOfWeek & Self.starBit != 0 { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
