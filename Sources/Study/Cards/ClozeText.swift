import Foundation
/// The text of a `[!cloze]` card split into plain runs and `{{cN::answer::hint}}` deletions.
///
/// The text it is read from is the inline markdown of the card's paragraph (rebuilt from the AST by
/// `InlineMarkdown`), so code spans and emphasis inside a deletion survive into the quiz.
public struct ClozeText: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case text(String)
        case deletion(number: Int, answer: String, hint: String?)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// The deletion numbers used, sorted, each once.
    public var numbers: [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        for case .deletion(let number, _, _) in segments where seen.insert(number).inserted { out.append(number) }
        return out.sorted()
    }

    /// The text with deletion `number` hidden as `[…]` (or `[hint]`), the others shown: Anki's front.
    public func masked(for number: Int) -> String {
        render { deletion, answer, hint in
            deletion == number ? "**[\(hint ?? "…")]**" : answer
        }
    }

    /// The text with deletion `number` shown in bold: Anki's back.
    public func revealed(for number: Int) -> String {
        render { deletion, answer, _ in deletion == number ? "**\(answer)**" : answer }
    }

    /// The text with every deletion shown and no cloze markup: what search and previews display.
    public var plain: String { render { _, answer, _ in answer } }

    /// The answers of deletion `number`, joined when the number occurs several times.
    public func answer(for number: Int) -> String {
        var answers: [String] = []
        for case .deletion(let n, let answer, _) in segments where n == number { answers.append(answer) }
        return answers.joined(separator: ", ")
    }

    private func render(_ deletion: (Int, String, String?) -> String) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): return text
            case .deletion(let number, let answer, let hint): return deletion(number, answer, hint)
            }
        }.joined()
    }

    /// Splits `text` into segments; each malformed `{{…}}` gives a message and stays as text.
    public static func parse(_ text: String) -> (ClozeText, problems: [String]) {
        var segments: [Segment] = []
        var problems: [String] = []
        var plain = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            plain += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                problems.append("cloze deletion opened with \"{{\" is never closed with \"}}\"")
                plain += rest[open.lowerBound...]
                rest = rest[rest.endIndex...]
                break
            }
            let inner = rest[open.upperBound..<close.lowerBound]
            if let deletion = deletion(from: inner) {
                if !plain.isEmpty { segments.append(.text(plain)); plain = "" }
                segments.append(deletion)
            } else {
                problems.append("malformed cloze deletion \"{{\(inner)}}\": write {{c1::hidden text}} or {{c1::hidden text::hint}}")
                plain += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        plain += rest
        if !plain.isEmpty { segments.append(.text(plain)) }
        return (ClozeText(segments: segments), problems)
    }

    /// `c12::answer::hint` → a deletion; nil when the number or the answer is missing.
    private static func deletion(from inner: Substring) -> Segment? {
        let parts = inner.components(separatedBy: "::")
        guard parts.count >= 2, let first = parts.first, first.first == "c" || first.first == "C",
              let number = Int(first.dropFirst()), number > 0 else { return nil }
        let answer = parts[1].trimmed
        guard !answer.isEmpty else { return nil }
        let hint = parts.count > 2 ? parts[2...].joined(separator: "::").trimmed : nil
        return .deletion(number: number, answer: answer, hint: hint?.isEmpty == true ? nil : hint)
    }
}
