import Foundation
import Testing
@testable import KubeModel

/// robfig/cron v3 (`ParseStandard`, `SpecSchedule.Next`), which the CronJob controller and
/// pkg/apis/batch/validation use. Expected times follow the library's documented semantics:
/// day-of-month and day-of-week are ORed unless one is `*` (robfig spec.go `dayMatches`).
struct CronScheduleTests {
    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
    static let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("Next activation follows minute, hour, day, month and weekday fields", arguments: [
        ("0 2 * * *", "2024-01-01T03:00:00Z", "2024-01-02T02:00:00Z"),
        ("*/15 * * * *", "2024-01-01T10:07:30Z", "2024-01-01T10:15:00Z"),
        ("@hourly", "2024-01-01T10:30:00Z", "2024-01-01T11:00:00Z"),
        ("@daily", "2024-01-01T10:30:00Z", "2024-01-02T00:00:00Z"),
        ("@weekly", "2024-09-04T10:30:00Z", "2024-09-08T00:00:00Z"),
        ("@monthly", "2024-01-15T00:00:00Z", "2024-02-01T00:00:00Z"),
        ("@yearly", "2024-01-15T00:00:00Z", "2025-01-01T00:00:00Z"),
        ("0 0 13 * 5", "2024-09-01T00:00:00Z", "2024-09-06T00:00:00Z"),
        ("0 9 * * 1-5", "2024-09-06T10:00:00Z", "2024-09-09T09:00:00Z"),
        ("30 8 * JAN-MAR mon", "2024-03-30T00:00:00Z", "2025-01-06T08:30:00Z"),
        ("0 0 29 2 *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("5 * * * *", "2024-01-01T10:05:00Z", "2024-01-01T11:05:00Z"),
    ])
    func next(_ spec: String, _ after: String, _ expected: String) throws {
        let schedule = try CronSchedule(parsing: spec)
        #expect(schedule.next(after: Self.date(after), in: Self.utc) == Self.date(expected))
    }

    @Test("Schedules are read in the CronJob's time zone")
    func timeZone() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let schedule = try CronSchedule(parsing: "0 9 * * *")
        // 2024-03-10 is the DST switch; 09:00 EDT is 13:00 UTC.
        #expect(schedule.next(after: Self.date("2024-03-10T12:00:00Z"), in: newYork) == Self.date("2024-03-10T13:00:00Z"))
    }

    @Test("@every adds a fixed delay and an impossible date never fires")
    func everyAndImpossible() throws {
        #expect(try CronSchedule(parsing: "@every 90s").next(after: Self.date("2024-01-01T00:00:00Z"), in: Self.utc)
                == Self.date("2024-01-01T00:01:30Z"))
        #expect(try CronSchedule(parsing: "0 0 30 2 *").next(after: Self.date("2024-01-01T00:00:00Z"), in: Self.utc) == nil)
    }

    @Test("Malformed schedules fail with robfig/cron's messages", arguments: [
        ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
        ("5-3 * * * *", "beginning of range (5) beyond end of range (3): 5-3"),
        ("*/0 * * * *", "step of range should be a positive number: */0"),
        ("0 0 * * 7", "end of range (7) above maximum (6): 7"),
        ("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"),
        ("@fortnightly", "unrecognized descriptor: @fortnightly"),
        ("", "empty spec string"),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
    ])
    func malformed(_ spec: String, _ message: String) {
        #expect(throws: CronScheduleError(message)) { try CronSchedule(parsing: spec) }
    }
}
