import Markdown

/// The four kinds of card a note may hold, named as their callout markers are (`> [!card]`…).
public enum CardKind: String, Codable, Sendable, CaseIterable {
    /// `[!card]`: a question and a free answer (lists, code, tables allowed).
    case basic = "card"
    /// `[!choice]`: a GFM task list whose `[x]` items are the right options.
    case choice
    /// `[!cloze]`: text with `{{c1::…}}` deletions; one card per number.
    case cloze
    /// `[!command]`: the answer is a kubectl command, judged by parsing, not by string comparison.
    case command
}

/// One option of a multiple-choice card.
public struct ChoiceOption: Sendable, Equatable {
    /// The option's text as inline markdown (code spans keep their backticks).
    public var text: String
    public var isCorrect: Bool

    public init(text: String, isCorrect: Bool) {
        self.text = text
        self.isCorrect = isCorrect
    }
}

/// What a card asks and how its answer is checked, per kind.
public enum CardBody: Sendable, Equatable {
    /// Question blocks, then answer blocks.
    case basic(question: [MarkdownNode], answer: [MarkdownNode])
    /// Question blocks, the options in file order, and the explanation shown after answering.
    case choice(question: [MarkdownNode], options: [ChoiceOption], explanation: [MarkdownNode])
    /// The deletion this card asks for, the whole cloze text and any blocks shown after revealing.
    case cloze(number: Int, text: ClozeText, extra: [MarkdownNode])
    /// Question blocks, every accepted command, and the explanation.
    case command(question: [MarkdownNode], accepted: [String], explanation: [MarkdownNode])
}

/// A card read from a note. Its `id` is the key of its review history, so the history survives any
/// edit of the text, a move to another note, or a rename of the file.
public struct Card: Sendable, Equatable, Identifiable {
    public var id: String
    public var kind: CardKind
    public var body: CardBody
    /// The note's slug (`show <note>`), for `quiz --note`.
    public var note: String
    /// The note's path as shown in messages (relative to the content directory's parent).
    public var path: String
    /// Line of the callout marker, for `file:line` and `edit`.
    public var line: Int
    /// The note's tags, then the card's own `tags=` in order, without duplicates.
    public var tags: [String]

    public init(id: String, kind: CardKind, body: CardBody, note: String, path: String, line: Int, tags: [String]) {
        self.id = id
        self.kind = kind
        self.body = body
        self.note = note
        self.path = path
        self.line = line
        self.tags = tags
    }
}

extension Card: CardFacts {}
