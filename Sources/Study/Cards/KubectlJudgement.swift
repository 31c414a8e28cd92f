/// The verdict on a typed kubectl command against a card's accepted answers, for the quiz.
public struct KubectlJudgement: Equatable, Sendable {
    /// True when the typed command means the same as one accepted answer.
    public var isCorrect: Bool
    /// The accepted answer it matched or, when wrong, the one it came closest to (as written on the card).
    public var closest: String?
    /// What differs from `closest`, one line each; a reading error when the typed line is not a
    /// kubectl command.
    public var differences: [String]

    public init(isCorrect: Bool, closest: String?, differences: [String]) {
        self.isCorrect = isCorrect
        self.closest = closest
        self.differences = differences
    }
}

extension KubectlCommand {
    /// Judges `typed` against every accepted answer by meaning (`matches`), and otherwise names
    /// the closest answer (same command words first, then fewest differences, then card order)
    /// with its differences. An accepted
    /// answer that does not parse is compared word for word, so a bad card never blocks a quiz.
    public static func judge(_ typed: String, accepted: [String]) -> KubectlJudgement {
        let typedCommand: KubectlCommand
        do {
            typedCommand = try parse(typed)
        } catch {
            return KubectlJudgement(isCorrect: false, closest: accepted.first,
                                    differences: ["cannot read the command: \(error)"])
        }
        var best: (answer: String, differences: [String], score: Int)?
        for answer in accepted {
            let differences: [String]
            var score = 0
            if let expected = try? parse(answer) {
                differences = typedCommand.differences(from: expected)
                // Another command altogether is further off than any number of wrong flags.
                if expected.verb != typedCommand.verb { score += 1_000 }
            } else {
                let same = typed.split(whereSeparator: \.isWhitespace) == answer.split(whereSeparator: \.isWhitespace)
                differences = same ? [] : ["not the expected command: \(answer)"]
            }
            if differences.isEmpty { return KubectlJudgement(isCorrect: true, closest: answer, differences: []) }
            score += differences.count
            if score < (best?.score ?? .max) { best = (answer, differences, score) }
        }
        return KubectlJudgement(isCorrect: false, closest: best?.answer, differences: best?.differences ?? [])
    }
}
