import Foundation

/// One note file as the card catalog knows it: which bytes it was read from, the note's names and
/// the facts and problems of its cards.
struct CatalogEntry: Equatable, Sendable {
    /// Path inside the content directory, the entry's key.
    var relativePath: String
    var size: Int
    var hash: UInt64
    /// Nil when the file could not be read as a note (not UTF-8, unreadable): it holds no cards.
    var note: NoteName?
    var cards: [CardSummary]
    /// Problems of its cards only, as `CardDeck` reports them (the note's own are `lint`'s business).
    var problems: [ContentProblem]
}
