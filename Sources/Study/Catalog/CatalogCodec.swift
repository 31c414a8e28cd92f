import Foundation

/// The card catalog's cache file: a header naming the program and content directory it was made
/// by and for, a table of distinct strings (card paths, notes and tags repeat thousands of times),
/// then the entries referring to it. Anything unexpected makes `decode` return nil, and the
/// catalog is then rebuilt from the notes: the cache only ever saves time.
enum CatalogCodec {
    static let magic = Array("kubedrill card catalog\n".utf8)
    /// Bump with any change of layout or of what the parser puts in a summary.
    static let version = 1

    static func encode(_ entries: [CatalogEntry], fingerprint: String) -> [UInt8] {
        var strings = StringTable()
        var body = ByteWriter()
        body.int(entries.count)
        for entry in entries {
            body.int(strings.index(entry.relativePath))
            body.int(entry.size)
            body.uint64(entry.hash)
            if let note = entry.note {
                body.int(1)
                body.int(strings.index(note.slug))
                body.int(strings.index(note.title))
                strings.write(note.aliases, to: &body)
            } else {
                body.int(0)
            }
            body.int(entry.cards.count)
            for card in entry.cards {
                body.int(strings.index(card.id))
                body.int(CardKind.allCases.firstIndex(of: card.kind) ?? 0)
                body.int(strings.index(card.note))
                body.int(strings.index(card.path))
                body.int(card.line)
                strings.write(card.tags, to: &body)
            }
            body.int(entry.problems.count)
            for problem in entry.problems {
                body.int(strings.index(problem.file))
                body.int(problem.line)
                body.int(problem.column.map { $0 + 1 } ?? 0)
                body.int(problem.severity == .error ? 0 : 1)
                body.int(strings.index(problem.message))
            }
        }
        var out = ByteWriter()
        out.raw(magic)
        out.int(version)
        out.string(fingerprint)
        out.int(strings.all.count)
        for string in strings.all { out.string(string) }
        out.raw(body.bytes)
        return out.bytes
    }

    /// The entries by relative path, or nil when the bytes are not a catalog of this program's
    /// version made with `fingerprint`.
    static func decode(_ bytes: [UInt8], fingerprint: String) -> [String: CatalogEntry]? {
        var reader = ByteReader(bytes)
        guard reader.raw(magic.count) == magic, reader.int() == version, reader.string() == fingerprint,
              let stringCount = reader.count(atMost: bytes.count) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            guard let string = reader.string() else { return nil }
            strings.append(string)
        }
        func string() -> String? { reader.count(atMost: strings.count - 1).map { strings[$0] } }
        func list() -> [String]? {
            guard let count = reader.count(atMost: bytes.count) else { return nil }
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = string() else { return nil }
                values.append(value)
            }
            return values
        }
        guard let entryCount = reader.count(atMost: bytes.count) else { return nil }
        var entries: [String: CatalogEntry] = [:]
        for _ in 0..<entryCount {
            guard let path = string(), let size = reader.int(), let hash = reader.uint64(), let hasNote = reader.count(atMost: 1)
            else { return nil }
            var note: NoteName?
            if hasNote == 1 {
                guard let slug = string(), let title = string(), let aliases = list() else { return nil }
                note = NoteName(slug: slug, title: title, aliases: aliases)
            }
            guard let cardCount = reader.count(atMost: bytes.count) else { return nil }
            var cards: [CardSummary] = []
            cards.reserveCapacity(cardCount)
            for _ in 0..<cardCount {
                guard let id = string(), let kind = reader.count(atMost: CardKind.allCases.count - 1),
                      let noteSlug = string(), let cardPath = string(), let line = reader.int(), let tags = list()
                else { return nil }
                cards.append(CardSummary(id: id, kind: CardKind.allCases[kind], note: noteSlug, path: cardPath, line: line, tags: tags))
            }
            guard let problemCount = reader.count(atMost: bytes.count) else { return nil }
            var problems: [ContentProblem] = []
            for _ in 0..<problemCount {
                guard let file = string(), let line = reader.int(), let column = reader.count(atMost: Int.max),
                      let severity = reader.count(atMost: 1), let message = string() else { return nil }
                problems.append(ContentProblem(file: file, line: line, column: column == 0 ? nil : column - 1,
                                               severity: severity == 0 ? .error : .warning, message: message))
            }
            entries[path] = CatalogEntry(relativePath: path, size: size, hash: hash, note: note, cards: cards, problems: problems)
        }
        return reader.isAtEnd ? entries : nil
    }
}

/// Each distinct string once, numbered in order of first use.
private struct StringTable {
    private(set) var all: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func index(_ string: String) -> Int {
        if let number = numbers[string] { return number }
        numbers[string] = all.count
        all.append(string)
        return all.count - 1
    }

    mutating func write(_ list: [String], to writer: inout ByteWriter) {
        writer.int(list.count)
        for string in list { writer.int(index(string)) }
    }
}
