import Foundation
import KubedrillSupport
import Markdown

/// Reads the cards of one note from its markdown AST: every block quote whose first paragraph starts
/// with a callout marker. Nothing throws: a malformed card becomes a `ContentProblem` naming its
/// file and line, and the other cards of the note are still read.
public enum CardParser {
    /// Obsidian's own callouts: ordinary asides in a note, not cards, never reported.
    public static let asideCallouts: Set<String> = [
        "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
        "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
        "danger", "error", "bug", "example", "quote", "cite", "exam",
    ]

    /// Checks one line of a `kubectl` block; returns why it is rejected, or nil. The default accepts
    /// every line starting with `kubectl`; the deck passes `KubectlCommand.parse` in.
    public typealias CommandCheck = @Sendable (String) -> String?

    public static let basicCommandCheck: CommandCheck = { line in
        line.split(separator: " ").first == "kubectl" ? nil : "an accepted command must start with \"kubectl\""
    }

    /// Cards of `note` (cards without a valid id are left out) and the problems found.
    public static func cards(in note: Note, commandCheck: @escaping CommandCheck = basicCommandCheck) -> (cards: [Card], problems: [ContentProblem]) {
        var context = Context(note: note, commandCheck: commandCheck)
        context.visit(note.document)
        return (context.cards, context.problems)
    }

    struct Context {
        let note: Note
        let commandCheck: CommandCheck
        var cards: [Card] = []
        var problems: [ContentProblem] = []

        mutating func problem(_ message: String, at position: SourcePosition, severity: ContentProblem.Severity = .error) {
            problems.append(ContentProblem(file: note.path, line: position.line, column: position.column,
                                           severity: severity, message: message))
        }

        var errorCount: Int { problems.lazy.filter { $0.severity == .error }.count }

        mutating func visit(_ node: MarkdownNode) {
            if case .blockQuote = node.kind, readCallout(node) { return }
            for child in node.children { visit(child) }
        }

        /// Handles a block quote; returns false when it is not a callout (its children are then visited).
        mutating func readCallout(_ quote: MarkdownNode) -> Bool {
            guard let first = quote.children.first else { return false }
            let isHeading: Bool
            switch first.kind {
            case .paragraph: isHeading = false
            case .heading: isHeading = true
            default: return false
            }
            guard let header = CardHeader.read(first) else { return false }
            guard let kind = CardKind(rawValue: header.marker) else {
                if !CardParser.asideCallouts.contains(header.marker) {
                    let known = CardKind.allCases.map(\.rawValue)
                    let hint = Suggest.closest(to: header.marker, among: known).map { " (did you mean [!\($0)]?)" }
                        ?? " (cards are [!card], [!choice], [!cloze] and [!command])"
                    problem("unknown callout kind [!\(header.marker)]\(hint)", at: quote.start)
                }
                return true
            }
            let before = errorCount
            if isHeading {
                problem("the card's question became a heading: a \"---\" line right under it turns the text above into a heading; put a blank \">\" line before \"---\"", at: first.start)
                return true
            }
            for message in header.problems { problem(message, at: first.start) }
            let blocks = Array(quote.children.dropFirst())
            var headingFound = false
            for block in blocks {
                block.walk { node in
                    if case .heading = node.kind, !headingFound {
                        headingFound = true
                        problem("heading inside a card: a \"---\" line right under text makes that text a heading; put a blank \">\" line before \"---\"", at: node.start)
                    }
                }
            }
            guard let id = header.id else {
                if header.problems.isEmpty {
                    let suggestion = CardID.suggested(from: InlineMarkdown.text(of: header.inlines))
                    problem("card has no id: end its first paragraph with a stable id such as {#\(suggestion)}", at: quote.start)
                }
                return true
            }
            let question = MarkdownNode(kind: .paragraph, children: header.inlines, start: first.start, end: first.end)
            let questionText = InlineMarkdown.text(of: header.inlines).trimmed
            var tags = note.tags
            for tag in header.tags where !tags.contains(tag) { tags.append(tag) }
            let note = self.note
            let make = { (cardID: String, body: CardBody) in
                Card(id: cardID, kind: kind, body: body, note: note.slug, path: note.path, line: quote.start.line, tags: tags)
            }
            switch kind {
            case .basic:
                if let body = basic(question: question, questionText: questionText, blocks: blocks, at: quote.start) {
                    if errorCount == before { cards.append(make(id, body)) }
                }
            case .choice:
                if let body = choice(question: question, questionText: questionText, blocks: blocks, at: quote.start),
                   errorCount == before {
                    cards.append(make(id, body))
                }
            case .cloze:
                for (number, body) in cloze(text: questionText, blocks: blocks, at: quote.start) where errorCount == before {
                    cards.append(make("\(id)-c\(number)", body))
                }
            case .command:
                if let body = command(question: question, questionText: questionText, blocks: blocks, at: quote.start),
                   errorCount == before {
                    cards.append(make(id, body))
                }
            }
            return true
        }
    }
}
