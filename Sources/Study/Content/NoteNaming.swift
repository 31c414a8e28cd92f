import Foundation
import KubedrillSupport

/// The names a note answers to: what `show`, `quiz --note` and `[[links]]` look notes up by.
public protocol NoteNaming {
    /// File name without `.md`, lower-cased.
    var slug: String { get }
    var title: String { get }
    var aliases: [String] { get }
}

extension NoteNaming {
    /// Every name this note answers to, lower-cased: slug, title and aliases.
    public var names: [String] {
        [slug, title.lowercased()] + aliases.map { $0.lowercased() }
    }
}

/// A note's names alone, as the card catalog keeps them.
public struct NoteName: NoteNaming, Sendable, Equatable {
    public var slug: String
    public var title: String
    public var aliases: [String]

    public init(slug: String, title: String, aliases: [String]) {
        self.slug = slug
        self.title = title
        self.aliases = aliases
    }

    public init(_ note: some NoteNaming) {
        self.init(slug: note.slug, title: note.title, aliases: note.aliases)
    }
}

extension Array where Element: NoteNaming {
    /// The note a `[[link]]` means: slug, title or alias (case-insensitive), ignoring any `#section`.
    public func note(named raw: String) -> Element? {
        let name = Self.normalized(raw)
        guard !name.isEmpty else { return nil }
        return first { $0.names.contains(name) }
    }

    /// The note a user typed: an exact name, else the only note whose slug or title starts with it.
    public func lookup(_ raw: String) -> Element? {
        if let exact = note(named: raw) { return exact }
        let name = Self.normalized(raw)
        guard !name.isEmpty else { return nil }
        let prefixed = filter { note in note.names.contains { $0.hasPrefix(name) } }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// A "did you mean" for a name that matched nothing.
    public func suggestion(for name: String) -> String? {
        Suggest.closest(to: name, among: map(\.title) + map(\.slug))
    }

    static func normalized(_ raw: String) -> String {
        raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
