#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line for long work (loading every note, grading all exercises), redrawn in place on
/// stderr so stdout stays clean for pipes.
///
/// It draws only when the caller says stderr is a terminal (`isEnabled`); otherwise every call
/// does nothing, so logs and CI output get no `\r` litter. Redraws are throttled to one per
/// `minimumInterval` of the monotonic clock, so a loop of a million cheap steps costs a few
/// hundred writes. The text itself comes from `ProgressBar.line`, a pure function.
public final class ProgressBar {
    public let total: Int?
    public let label: String
    public let isEnabled: Bool
    private let width: Int
    private let write: (String) -> Void
    private let now: () -> UInt64
    private let minimumInterval: UInt64
    private let started: UInt64
    private var lastDraw: UInt64?
    private var isFinished = false
    public private(set) var completed = 0

    /// - Parameters:
    ///   - total: the number of steps, or nil when unknown (then a count and a rate are shown).
    ///   - isEnabled: whether stderr is a terminal (`TerminalInfo.isTerminal(2)`).
    ///   - width: the terminal's columns.
    ///   - minimumInterval: nanoseconds between redraws.
    ///   - write: where the text goes; stderr unless a test captures it.
    ///   - now: a monotonic clock in nanoseconds.
    public init(total: Int?, label: String, isEnabled: Bool, width: Int = 80,
                minimumInterval: UInt64 = 50_000_000,
                write: @escaping (String) -> Void = { fputs($0, stderr); fflush(stderr) },
                now: @escaping () -> UInt64 = ProgressBar.monotonicNanoseconds) {
        self.total = total.map { max($0, 0) }
        self.label = label
        self.isEnabled = isEnabled
        self.width = width
        self.minimumInterval = minimumInterval
        self.write = write
        self.now = now
        started = now()
    }

    /// Marks `steps` more steps done, redrawing if the last draw is old enough.
    public func advance(by steps: Int = 1) {
        update(completed: completed + steps)
    }

    public func update(completed value: Int) {
        completed = max(value, 0)
        guard isEnabled, !isFinished else { return }
        let time = now()
        if let lastDraw, time &- lastDraw < minimumInterval { return }
        lastDraw = time
        draw(at: time)
    }

    /// Ends the bar: `keepLine` leaves the final state on screen (with a newline), otherwise the
    /// line is erased so the command's own output starts on a clean line.
    public func finish(keepLine: Bool = false) {
        guard isEnabled, !isFinished else { return }
        isFinished = true
        if keepLine {
            draw(at: now())
            write("\n")
        } else {
            write("\r\u{1B}[K")
        }
    }

    private func draw(at time: UInt64) {
        let elapsed = Double(time &- started) / 1e9
        write("\r\u{1B}[K" + Self.line(label: label, completed: completed, total: total, elapsed: elapsed, width: width))
    }

    /// The progress text for a state: `label ▕████▍     ▏ 42/100  42%  12.5/s`. The bar takes the
    /// room left (eighth blocks give it sub-character precision) and is dropped below 10
    /// columns; the label is cut last. Never wider than `width` (less one column, so the cursor
    /// never wraps), never contains a newline.
    public static func line(label: String, completed: Int, total: Int?, elapsed: Double, width: Int) -> String {
        let rate = elapsed > 0 && elapsed.isFinite ? Double(completed) / elapsed : 0
        var numbers: String
        var fraction: Double?
        if let total, total > 0 {
            let done = min(Double(completed) / Double(total), 1)
            fraction = done
            numbers = "\(completed)/\(total)  \(Int((done * 100).rounded(.down)))%"
        } else {
            numbers = "\(completed)"
        }
        if rate > 0 { numbers += "  " + formatRate(rate) }
        let room = max(width - 1, 0)
        let labelPart = label.isEmpty ? "" : label + " "
        var barWidth = room - TextWidth.of(labelPart) - TextWidth.of(numbers) - 3
        if fraction == nil || barWidth < 10 { barWidth = 0 }
        let bar = fraction.map { barWidth > 0 ? "▕" + Self.bar($0, width: barWidth) + "▏ " : "" } ?? ""
        let text = labelPart + bar + numbers
        return TextWidth.of(text) <= room ? text : StyledLine(text).truncated(to: room).plainText
    }

    /// `fraction` of `width` cells filled, in eighths.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(fraction, 1)) * Double(width * 8)).rounded(.down))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text += partials[eighths % 8] }
        return text + String(repeating: " ", count: max(width - TextWidth.of(text), 0))
    }

    static func formatRate(_ rate: Double) -> String {
        if rate >= 100 { return "\(Int(rate.rounded()))/s" }
        let tenths = (rate * 10).rounded() / 10
        return "\(tenths)/s"
    }

    public static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
