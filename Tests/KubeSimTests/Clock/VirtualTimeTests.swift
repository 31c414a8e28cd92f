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

    @Test("Remembered stamps change no answer: the same instant writes the same text, text read back gives its instant, and an odd spelling parsed is not what the instant writes")
    func rememberedStamps() {
        let time = VirtualTime(seconds: 58 * 86_400)  // 2026-02-28
        let written = time.rfc3339
        #expect(time.rfc3339 == written && VirtualTime(seconds: 58 * 86_400).rfc3339 == "2026-02-28T00:00:00Z")
        #expect(VirtualTime(rfc3339: written) == time, "the written buffer itself")
        #expect(VirtualTime(rfc3339: String(decoding: Array(written.utf8), as: UTF8.self)) == time, "a copy of the text")
        // Read as 3 March by the arithmetic; the instant still writes its own spelling.
        let odd = VirtualTime(rfc3339: "2026-02-31T00:00:00Z")
        #expect(odd == VirtualTime(seconds: 61 * 86_400))
        #expect(odd?.rfc3339 == "2026-03-03T00:00:00Z")
        // More instants than are remembered, then the first again.
        for day: Int64 in 0..<20 { #expect(VirtualTime(seconds: day * 86_400 + 7).rfc3339.hasSuffix("T00:00:07Z")) }
        #expect(time.rfc3339 == "2026-02-28T00:00:00Z")
    }
}
