import Foundation
import Testing
@testable import KubeModel

/// The integer-arithmetic `next` for fixed-offset zones must agree with the calendar-based one
/// (robfig/cron v3 `SpecSchedule.Next`), which the existing CronSchedule tests pin to upstream.
@Suite("Cron schedule, fixed-offset zones")
struct CronScheduleFixedOffsetTests {
    static let schedules = ["*/5 * * * *", "0 9 * * *", "30 6-16/4 * * 1-5", "0 0 1 * *", "15 10 * * 0", "0 0 29 2 *",
                            "0 12 13 * 5", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "59 23 31 12 *", "0 0 * * 6,0"]

    @Test("Every schedule gives the same activations as the calendar-based next, in UTC and at +09:00 and -05:00")
    func agreesWithCalendar() throws {
        let starts: [Int64] = [1_767_225_600, 1_767_225_600 + 299, 1_772_323_199, 1_798_761_599, 1_709_164_800]
        for text in Self.schedules {
            let schedule = try CronSchedule(parsing: text)
            for offset in [0, 9 * 3600, -5 * 3600] {
                let zone = try #require(TimeZone(secondsFromGMT: offset))
                for start in starts {
                    var expected = Date(timeIntervalSince1970: TimeInterval(start))
                    var actual = start
                    for _ in 0..<6 {
                        let slow = try #require(schedule.next(after: expected, in: zone))
                        let fast = try #require(schedule.next(afterUnixSeconds: actual, utcOffset: Int64(offset)))
                        #expect(fast == Int64(slow.timeIntervalSince1970), "\(text) at offset \(offset) after \(actual)")
                        expected = slow
                        actual = fast
                    }
                }
            }
        }
    }
}
