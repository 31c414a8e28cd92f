import Foundation
import KubedrillSupport

/// The cards of a content directory, known without parsing every note each time: per note file,
/// the facts and problems of its cards and the note's names, kept in a cache file and read again
/// only from files whose bytes changed. Starting a quiz over 10,000 cards then costs a read and a
/// hash of each file instead of a markdown parse; a card's body is parsed when it is shown
/// (`cards(inFile:)`), one note at a time.
///
/// The cache never decides what a card says: a file whose size or FNV-1a hash differs is parsed
/// again, a cache made by another build of the program or for another directory is ignored, and
/// one that cannot be read is replaced.
public struct CardCatalog: Sendable {
    public let directory: URL
    /// Every card in note order, each id once (as `CardDeck.cards`, without bodies).
    public let cards: [CardSummary]
    /// Card problems, as `CardDeck.problems`.
    public let problems: [ContentProblem]
    /// The notes' names, for `--note` and its did-you-mean.
    public let notes: [NoteName]
    /// How many note files were parsed for this catalog (the others came from the cache).
    public let parsedFiles: Int
    private let files: [String: URL]
    private let commandCheck: CardParser.CommandCheck

    /// Where the cache for `directory` lives in a data directory: one file per content directory,
    /// so switching between `--content` directories does not throw either cache away.
    public static func cacheFile(in dataDirectory: URL, for directory: URL) -> URL {
        let key = String(FNV1a.hash(directory.standardizedFileURL.path), radix: 16)
        return dataDirectory.appendingPathComponent("cache").appendingPathComponent("cards-\(key).bin")
    }

    /// Reads the catalog of `directory`, using and refreshing the cache file `cache` when given.
    public static func load(directory: URL, cache: URL?, commandCheck: @escaping CardParser.CommandCheck = CardParser.basicCommandCheck) -> CardCatalog {
        let fingerprint = CatalogFingerprint.make(directory: directory)
        let cached = cache.flatMap { url in (try? Data(contentsOf: url)).flatMap { CatalogCodec.decode([UInt8]($0), fingerprint: fingerprint) } } ?? [:]
        let files = ContentLoader.noteFiles(in: directory)
        let read: [(entry: CatalogEntry, parsed: Bool)] = files.parallelMap { file in
            let relative = ContentLoader.relativePath(of: file, base: directory)
            guard let data = try? Data(contentsOf: file) else {
                return (CatalogEntry(relativePath: relative, size: -1, hash: 0, note: nil, cards: [], problems: []), true)
            }
            let hash = FNV1a.hash(data)
            if let known = cached[relative], known.size == data.count, known.hash == hash { return (known, false) }
            return (entry(relativePath: relative, data: data, hash: hash, file: file, directory: directory, commandCheck: commandCheck), true)
        }
        let parsed = read.lazy.filter(\.parsed).count
        if let cache, parsed > 0 || read.count != cached.count {
            let bytes = CatalogCodec.encode(read.map(\.entry), fingerprint: fingerprint)
            try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Atomic: a second REPL reads the old cache or the new one, never half of one.
            try? Data(bytes).write(to: cache, options: .atomic)
        }
        let (cards, problems) = [CardSummary].uniqued(read.map { ($0.entry.cards, $0.entry.problems) })
        var byPath: [String: URL] = [:]
        for file in files { byPath[ContentLoader.displayPath(of: file, base: directory)] = file }
        return CardCatalog(directory: directory, cards: cards, problems: problems, notes: read.compactMap(\.entry.note),
                           parsedFiles: parsed, files: byPath, commandCheck: commandCheck)
    }

    private static func entry(relativePath: String, data: Data, hash: UInt64, file: URL, directory: URL,
                              commandCheck: @escaping CardParser.CommandCheck) -> CatalogEntry {
        guard let note = ContentLoader.load(data: data, file: file, base: directory).note else {
            return CatalogEntry(relativePath: relativePath, size: data.count, hash: hash, note: nil, cards: [], problems: [])
        }
        let (cards, problems) = CardParser.cards(in: note, commandCheck: commandCheck)
        return CatalogEntry(relativePath: relativePath, size: data.count, hash: hash, note: NoteName(note),
                            cards: cards.map(CardSummary.init), problems: problems)
    }

    /// The whole cards, bodies included, of the note file a card's `path` names, read from disk now
    /// (so an edit since the catalog was read shows). Empty when the file is gone or unreadable.
    public func cards(inFile path: String) -> [Card] {
        guard let file = files[path], let data = try? Data(contentsOf: file),
              let note = ContentLoader.load(data: data, file: file, base: directory).note else { return [] }
        return CardParser.cards(in: note, commandCheck: commandCheck).cards
    }
}

/// What a cache must have been made by and for: this program's build (its executable's size and
/// modification time, so a rebuilt parser never trusts an old cache) and the content directory.
enum CatalogFingerprint {
    static let executable: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()

    static func make(directory: URL) -> String {
        "\(executable)\n\(directory.standardizedFileURL.path)"
    }
}
