import Foundation

/// What a line typed during a quiz means. Commands are words, so they never clash with answers:
/// choices are numbers, ratings are 1–4 or a/h/g/e, and a command answer starts with `kubectl`.
public enum QuizInput: Equatable, Sendable {
    case reveal
    case rate(Rating)
    case undo, skip, edit, quit
    /// Anything else: an answer to judge (choice numbers, a command), or free text.
    case text(String)

    public static func parse(_ line: String) -> QuizInput {
        let word = line.trimmingCharacters(in: .whitespaces)
        switch word.lowercased() {
        case "": return .reveal
        case "undo", "u": return .undo
        case "skip", "s": return .skip
        case "edit": return .edit
        case "quit", "q", "exit": return .quit
        default: break
        }
        if let rating = rating(word) { return .rate(rating) }
        return .text(word)
    }

    /// `1`–`4`, `a`/`h`/`g`/`e` or the full button names.
    public static func rating(_ word: String) -> Rating? {
        switch word.lowercased() {
        case "1", "a", "again": return .again
        case "2", "h", "hard": return .hard
        case "3", "g", "good": return .good
        case "4", "e", "easy": return .easy
        default: return nil
        }
    }
}

/// Short interval labels for the rating buttons, as Anki shows them: `<1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.1y`.
public enum IntervalLabel {
    public static func text(from now: Date, to due: Date) -> String {
        // Whole seconds: FSRS keeps time in microseconds, so a 1-minute step can land a few
        // nanoseconds short of `now + 60 s`.
        let seconds = due.timeIntervalSince(now).rounded()
        if seconds < 60 { return "<1m" }
        if seconds < 3_600 { return "\(Int((seconds / 60).rounded()))m" }
        if seconds < 86_400 { return "\(Int((seconds / 3_600).rounded()))h" }
        let days = seconds / 86_400
        if days < 30 { return "\(Int(days.rounded()))d" }
        if days < 365 { return String(format: "%.1fmo", days / 30) }
        return String(format: "%.1fy", days / 365)
    }
}
