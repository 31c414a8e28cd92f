import Foundation

/// The verdict on a typed kubectl command.
public struct CommandVerdict: Sendable, Equatable {
    public var isCorrect: Bool
    /// The accepted command it matched, or the closest one when wrong.
    public var closest: String?
    /// What differs from the closest accepted command, one line each ("missing flag --replicas=3").
    public var differences: [String]

    public init(isCorrect: Bool, closest: String?, differences: [String]) {
        self.isCorrect = isCorrect
        self.closest = closest
        self.differences = differences
    }
}

/// Judges a typed command against a card's accepted ones. The CLI passes the parsing judge
/// (`KubectlCommand`); this word-by-word one is the fallback and the tests' baseline.
public enum CommandJudge {
    public typealias Judge = @Sendable (_ typed: String, _ accepted: [String]) -> CommandVerdict

    /// Same words in the same order, spacing ignored.
    public static let sameWords: Judge = { typed, accepted in
        let words = typed.split(separator: " ")
        if let match = accepted.first(where: { $0.split(separator: " ") == words }) {
            return CommandVerdict(isCorrect: true, closest: match, differences: [])
        }
        let closest = accepted.min { distance($0, typed) < distance($1, typed) }
        return CommandVerdict(isCorrect: false, closest: closest, differences: [])
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let left = Set(a.split(separator: " ")), right = Set(b.split(separator: " "))
        return left.symmetricDifference(right).count
    }
}
