import KubedrillSupport
import Foundation

/// Every card of a content library, with the problems found reading them. Card ids are unique
/// across the whole library: the second card declaring an id is reported (naming the first) and left out.
public struct CardDeck: Sendable {
    public var cards: [Card]
    public var problems: [ContentProblem]

    public init(cards: [Card], problems: [ContentProblem]) {
        self.cards = cards
        self.problems = problems
    }

    public init(library: ContentLibrary, commandCheck: @escaping CardParser.CommandCheck = CardParser.basicCommandCheck) {
        var cards: [Card] = []
        var problems: [ContentProblem] = []
        var seen: [String: Card] = [:]
        for (noteCards, noteProblems) in Self.parseAll(library.notes, commandCheck: commandCheck) {
            problems += noteProblems
            for card in noteCards {
                if let first = seen[card.id] {
                    problems.append(ContentProblem(file: card.path, line: card.line,
                                                   message: "duplicate card id \"\(card.id)\": also used at \(first.location); ids must be unique across Content/"))
                    continue
                }
                seen[card.id] = card
                cards.append(card)
            }
        }
        self.cards = cards
        self.problems = problems
    }

    /// Each note's cards, parsed on all cores (notes are independent), in note order.
    static func parseAll(_ notes: [Note], commandCheck: @escaping CardParser.CommandCheck) -> [([Card], [ContentProblem])] {
        notes.parallelMap { CardParser.cards(in: $0, commandCheck: commandCheck) }
    }

    /// The card with `id`, if any.
    public func card(_ id: String) -> Card? { cards.first { $0.id == id } }

    /// Cards kept by `quiz --tag`/`--note`: every given tag must match, and the note must when given.
    public func filtered(tags: [String], note: String?) -> [Card] {
        cards.filter { card in
            tags.allSatisfy(card.hasTag) && (note.map { card.note == $0.lowercased() } ?? true)
        }
    }

    /// All tags in use, sorted, for did-you-mean on `--tag`.
    public var allTags: [String] { Array(Set(cards.flatMap(\.tags))).sorted() }
}
