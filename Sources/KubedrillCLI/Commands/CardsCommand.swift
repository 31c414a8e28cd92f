import ArgumentParser
import Foundation
import KubedrillSupport
import Study

/// `cards`: every card with its id, kind, note, tags and place in the file.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List the cards in the notes.",
        discussion: "Cards are block quotes in the notes: > [!card], [!choice], [!cloze], [!command]. See Content/README.md.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: ArgumentHelp("Only cards with this tag (repeatable; `cka` matches `cka/networking`).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only cards of this note (its name, see `notes`).", valueName: "note"))
    var note: String?

    struct Entry: Encodable {
        var id: String
        var kind: String
        var note: String
        var tags: [String]
        var file: String
        var line: Int
    }

    func run() throws {
        let env = CommandEnvironment.current
        let catalog = try CardCommands.catalog(global: global, env: env)
        let cards = try CardCommands.select(catalog, tags: tag, note: note)
        let entries = cards.map { Entry(id: $0.id, kind: $0.kind.rawValue, note: $0.note, tags: $0.tags, file: $0.path, line: $0.line) }
        if output.isJSON {
            env.out.line(try JSONOutput.string(entries))
            return
        }
        if !catalog.problems.isEmpty {
            env.err.line("\(catalog.problems.count) card problem\(catalog.problems.count == 1 ? "" : "s"): run `kubedrill lint` for details.")
        }
        let style = env.style
        let idWidth = min(entries.map(\.id.count).max() ?? 0, 40)
        for entry in entries {
            let id = entry.id.padding(toLength: max(idWidth, entry.id.count), withPad: " ", startingAt: 0)
            let kind = entry.kind.padding(toLength: 7, withPad: " ", startingAt: 0)
            let tags = entry.tags.isEmpty ? "" : style.dim("  [" + entry.tags.joined(separator: ", ") + "]")
            env.out.line("\(style.color(id, .cyan))  \(kind)  \(entry.file):\(entry.line)\(tags)")
        }
        env.err.line("\(entries.count) card\(entries.count == 1 ? "" : "s").")
    }
}

/// Card helpers shared by the study commands.
enum CardCommands {
    /// How accepted commands in ```kubectl blocks are checked.
    static let commandCheck: CardParser.CommandCheck = CardParser.basicCommandCheck

    /// How a typed command is compared with a card's accepted ones.
    static let commandJudge: CommandJudge.Judge = CommandJudge.sameWords

    static func deck(_ library: ContentLibrary) -> CardDeck {
        library.cardDeck(commandCheck: commandCheck)
    }

    /// The card catalog of the content directory, cached in the data directory (no cache when the
    /// data directory cannot be made: the catalog is then read from the notes alone).
    static func catalog(global: GlobalOptions, env: CommandEnvironment) throws -> CardCatalog {
        let content = try global.contentDirectory()
        let cache = (try? global.dataDirectory(env)).map { CardCatalog.cacheFile(in: $0, for: content) }
        return CardCatalog.load(directory: content, cache: cache, commandCheck: commandCheck)
    }

    static func select(_ deck: CardDeck, library: ContentLibrary, tags: [String], note: String?) throws -> [Card] {
        try select(deck.cards, notes: library.notes, tags: tags, note: note)
    }

    static func select(_ catalog: CardCatalog, tags: [String], note: String?) throws -> [CardSummary] {
        try select(catalog.cards, notes: catalog.notes, tags: tags, note: note)
    }

    /// Applies `--tag` and `--note`, rejecting names that match nothing with a did-you-mean.
    static func select<C: CardFacts>(_ cards: [C], notes: [some NoteNaming], tags: [String], note: String?) throws -> [C] {
        var noteSlug: String?
        if let note {
            guard let found = notes.lookup(note) else {
                let hint = notes.suggestion(for: note).map { " Did you mean \"\($0)\"?" } ?? " `notes` lists them."
                throw UserError("no note named \"\(note)\".\(hint)")
            }
            noteSlug = found.slug
        }
        for tag in tags where !cards.contains(where: { $0.hasTag(tag) }) {
            let hint = Suggest.closest(to: tag, among: cards.allTags).map { " Did you mean \"\($0)\"?" } ?? ""
            throw UserError("no card has the tag \"\(tag)\".\(hint)")
        }
        return cards.filtered(tags: tags, note: noteSlug)
    }
}
