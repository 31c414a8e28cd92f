import Foundation

/// The deck of a loaded library, built once: the REPL keeps its library between commands, so a
/// second `quiz`, `cards` or `stats` does not read 10,000 cards again. `reload` loads a new
/// library, and with it a new, empty cache.
final class CardDeckCache: @unchecked Sendable {
    private let lock = NSLock()
    private var deck: CardDeck?

    func deck(_ build: () -> CardDeck) -> CardDeck {
        lock.lock()
        defer { lock.unlock() }
        if let deck { return deck }
        let built = build()
        deck = built
        return built
    }
}

extension ContentLibrary {
    /// The library's cards, built on first use and then shared by every copy of this library.
    /// One program uses one command check, so the first one given is the one kept.
    public func cardDeck(commandCheck: @escaping CardParser.CommandCheck = CardParser.basicCommandCheck) -> CardDeck {
        cardCache.deck { CardDeck(library: self, commandCheck: commandCheck) }
    }
}
