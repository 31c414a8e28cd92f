/// What is known of a card without its body: enough to choose, filter, schedule and locate it.
/// `Card` has it all; `CardSummary` has only this, so a quiz can start from the card catalog and
/// read a card's body when it is shown.
public protocol CardFacts: Sendable {
    var id: String { get }
    var kind: CardKind { get }
    /// The note's slug (`show <note>`), for `quiz --note`.
    var note: String { get }
    /// The note's path as shown in messages (relative to the content directory's parent).
    var path: String { get }
    /// Line of the callout marker, for `file:line` and `edit`.
    var line: Int { get }
    /// The note's tags, then the card's own `tags=` in order, without duplicates.
    var tags: [String] { get }
}

extension CardFacts {
    public var location: String { "\(path):\(line)" }

    /// Whether the card is answered by the program (choice, command) rather than by the learner's judgement.
    public var isJudgedAutomatically: Bool { kind == .choice || kind == .command }

    /// Whether the card carries `tag` (case-insensitive; `cka` also matches `cka/networking`).
    @inlinable
    public func hasTag(_ tag: String) -> Bool {
        let wanted = tag.lowercased()
        return tags.contains { candidate in
            let lowered = candidate.lowercased()
            return lowered == wanted || lowered.hasPrefix(wanted + "/")
        }
    }
}

/// A card's facts without its body: what the card catalog keeps between runs.
public struct CardSummary: CardFacts, Hashable {
    public var id: String
    public var kind: CardKind
    public var note: String
    public var path: String
    public var line: Int
    public var tags: [String]

    public init(id: String, kind: CardKind, note: String, path: String, line: Int, tags: [String]) {
        self.id = id
        self.kind = kind
        self.note = note
        self.path = path
        self.line = line
        self.tags = tags
    }

    public init(_ card: some CardFacts) {
        self.init(id: card.id, kind: card.kind, note: card.note, path: card.path, line: card.line, tags: card.tags)
    }
}

extension Array where Element: CardFacts {
    /// Cards kept by `quiz --tag`/`--note`: every given tag must match, and the note must when given.
    @inlinable
    public func filtered(tags: [String], note: String?) -> [Element] {
        filter { card in
            tags.allSatisfy(card.hasTag) && (note.map { card.note == $0.lowercased() } ?? true)
        }
    }

    /// All tags in use, sorted, for did-you-mean on `--tag`.
    @inlinable
    public var allTags: [String] { Set(flatMap { $0.tags }).sorted() }

    /// The cards of every note in order, each id kept once: a later card declaring an id already
    /// used is reported (naming the first) and left out, as ids key the review history.
    static func uniqued(_ perNote: [(cards: [Element], problems: [ContentProblem])]) -> (cards: [Element], problems: [ContentProblem]) {
        let total = perNote.reduce(0) { $0 + $1.cards.count }
        var cards: [Element] = []
        cards.reserveCapacity(total)
        var problems: [ContentProblem] = []
        var seen: [String: Int] = [:]
        seen.reserveCapacity(total)
        for (noteCards, noteProblems) in perNote {
            problems += noteProblems
            for card in noteCards {
                if let first = seen[card.id] {
                    problems.append(ContentProblem(file: card.path, line: card.line,
                                                   message: "duplicate card id \"\(card.id)\": also used at \(cards[first].location); ids must be unique across Content/"))
                    continue
                }
                seen[card.id] = cards.count
                cards.append(card)
            }
        }
        return (cards, problems)
    }
}
