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
        (cards, problems) = [Card].uniqued(Self.parseAll(library.notes, commandCheck: commandCheck))
    }

    /// Each note's cards, parsed on all cores (notes are independent), in note order.
    static func parseAll(_ notes: [Note], commandCheck: @escaping CardParser.CommandCheck) -> [([Card], [ContentProblem])] {
        notes.parallelMap { CardParser.cards(in: $0, commandCheck: commandCheck) }
    }

    /// The card with `id`, if any.
    public func card(_ id: String) -> Card? { cards.first { $0.id == id } }

    /// Cards kept by `quiz --tag`/`--note`: every given tag must match, and the note must when given.
    public func filtered(tags: [String], note: String?) -> [Card] { cards.filtered(tags: tags, note: note) }

    /// All tags in use, sorted, for did-you-mean on `--tag`.
    public var allTags: [String] { cards.allTags }
}
