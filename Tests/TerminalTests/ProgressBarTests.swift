import Testing
@testable import Terminal

@Suite("Progress bar")
struct ProgressBarTests {
    @Test("The line shows the bar, count, percentage and rate within the width")
    func line() {
        let text = ProgressBar.line(label: "Loading", completed: 42, total: 100, elapsed: 2, width: 60)
        let bar = String(repeating: "█", count: 12) + "▏" + String(repeating: " ", count: 16)
        #expect(text == "Loading ▕" + bar + "▏ 42/100  42%  21.0/s")
        #expect(TextWidth.of(text) == 59)
        #expect(text.hasPrefix("Loading ▕"))
        #expect(text.hasSuffix("▏ 42/100  42%  21.0/s"))
    }

    @Test("Bars fill in eighths of a cell")
    func eighths() {
        #expect(ProgressBar.bar(0, width: 4) == "    ")
        #expect(ProgressBar.bar(0.5, width: 4) == "██  ")
        #expect(ProgressBar.bar(1.0 / 32, width: 4) == "▏   ")
        #expect(ProgressBar.bar(2, width: 4) == "████")
    }

    @Test("Unknown totals show a count and rate; narrow terminals drop the bar, then cut the text")
    func oddStates() {
        #expect(ProgressBar.line(label: "Grading", completed: 7, total: nil, elapsed: 0, width: 80) == "Grading 7")
        #expect(ProgressBar.line(label: "", completed: 250, total: nil, elapsed: 2, width: 80) == "250  125/s")
        #expect(ProgressBar.line(label: "Grading", completed: 1, total: 4, elapsed: 0, width: 20) == "Grading 1/4  25%")
        #expect(ProgressBar.line(label: "Grading exercises", completed: 1, total: 4, elapsed: 0, width: 10) == "Grading …")
        #expect(ProgressBar.line(label: "x", completed: 9, total: 0, elapsed: 1, width: 0) == "")
        #expect(ProgressBar.line(label: "x", completed: 150, total: 100, elapsed: 1, width: 30).contains("150/100  100%"))
    }

    @Test("Disabled (stderr not a terminal): nothing is written")
    func disabled() {
        var written: [String] = []
        let bar = ProgressBar(total: 3, label: "x", isEnabled: false, write: { written.append($0) }, now: { 0 })
        bar.advance()
        bar.finish(keepLine: true)
        #expect(written.isEmpty)
        #expect(bar.completed == 1)
    }

    @Test("Redraws in place, at most once per interval of the clock, and erases itself when finished")
    func throttled() {
        var written: [String] = []
        var clock: UInt64 = 0
        let bar = ProgressBar(total: 100, label: "x", isEnabled: true, width: 40, minimumInterval: 50,
                              write: { written.append($0) }, now: { clock })
        bar.advance()            // first update draws at once
        clock = 10
        bar.advance()            // 10 ns later: skipped
        clock = 60
        bar.advance()            // 60 ns after the first draw: drawn
        #expect(written.count == 2)
        #expect(written.allSatisfy { $0.hasPrefix("\r\u{1B}[K") && !$0.contains("\n") })
        #expect(written[1].contains("3/100"))
        bar.finish()
        #expect(written.last == "\r\u{1B}[K")
        bar.advance()
        bar.finish(keepLine: true)
        #expect(written.count == 3)
    }

    @Test("finish(keepLine:) leaves the final state on its own line")
    func keepLine() {
        var written: [String] = []
        let bar = ProgressBar(total: 2, label: "x", isEnabled: true, width: 40, write: { written.append($0) }, now: { 0 })
        bar.update(completed: 2)
        bar.finish(keepLine: true)
        #expect(written.suffix(2).first?.contains("2/2  100%") == true)
        #expect(written.last == "\n")
    }
}
