import Foundation
import Testing
@testable import KubeSim

@Suite("Virtual time stamps")
struct VirtualTimeTests {
    @Test("RFC 3339 stamps match Foundation's ISO 8601 formatter and read back, across months, leap days and years")
    func roundTrip() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds: Int64 in [0, 30, 86_399, 86_400, 59 * 86_400 + 5, 60 * 86_400, 789 * 86_400 + 3723, 3_650 * 86_400 + 17, -86_401] {
            let time = VirtualTime(seconds: seconds)
            #expect(time.rfc3339 == formatter.string(from: VirtualTime.epoch.addingTimeInterval(TimeInterval(seconds))))
            #expect(VirtualTime(rfc3339: time.rfc3339) == time)
        }
        #expect(VirtualTime(seconds: 30).rfc3339 == "2026-01-01T00:00:30Z")
        #expect(VirtualTime(rfc3339: "2026-01-01T01:00:00+01:00") == VirtualTime(seconds: 0))
        #expect(VirtualTime(rfc3339: "yesterday") == nil)
    }
}
