import Foundation

/// Multiple choice: shuffles options for showing and judges the numbers typed.
public enum ChoiceJudge {
    /// The order options are shown in: a permutation of their indices drawn from `generator`.
    public static func order<G: RandomNumberGenerator>(count: Int, using generator: inout G) -> [Int] {
        Array(0..<count).shuffled(using: &generator)
    }

    public struct Verdict: Equatable, Sendable {
        public var isCorrect: Bool
        /// Shown positions (1-based) that were picked but are wrong, and right ones that were missed.
        public var wrongPicks: [Int]
        public var missed: [Int]
    }

    /// Positions typed as `2`, `1 3`, `1,3` or `13` (when there are fewer than ten options); nil
    /// when the text is not a list of option numbers within range.
    public static func picks(_ text: String, optionCount: Int) -> Set<Int>? {
        let parts = text.split { $0 == " " || $0 == "," }
        var numbers: [Int] = []
        if parts.count == 1, optionCount < 10, let only = parts.first, only.count > 1, only.allSatisfy(\.isNumber) {
            numbers = only.compactMap { Int(String($0)) }
        } else {
            for part in parts {
                guard let number = Int(part) else { return nil }
                numbers.append(number)
            }
        }
        guard !numbers.isEmpty, numbers.allSatisfy({ (1...optionCount).contains($0) }) else { return nil }
        return Set(numbers)
    }

    /// Right when exactly the right options were picked. `shown[i]` is the option at position i+1.
    public static func judge(picks: Set<Int>, shown: [ChoiceOption]) -> Verdict {
        let right = Set(shown.indices.filter { shown[$0].isCorrect }.map { $0 + 1 })
        return Verdict(isCorrect: picks == right, wrongPicks: picks.subtracting(right).sorted(), missed: right.subtracting(picks).sorted())
    }
}
