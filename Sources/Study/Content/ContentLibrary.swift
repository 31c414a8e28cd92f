import Foundation
import KubedrillSupport
import Markdown

/// All notes of a content directory, with the problems found while loading them.
public struct ContentLibrary: Sendable {
    public var directory: URL
    public var notes: [Note]
    public var problems: [ContentProblem]
    /// The cards read from `notes`, kept once built (see `cardDeck(commandCheck:)`).
    let cardCache = CardDeckCache()

    public init(directory: URL, notes: [Note], problems: [ContentProblem]) {
        self.directory = directory
        self.notes = notes
        self.problems = problems
    }

    /// The note a `[[link]]` means: slug, title or alias (case-insensitive), ignoring any `#section`.
    public func note(named raw: String) -> Note? { notes.note(named: raw) }

    /// The note a user typed: an exact name, else the only note whose slug or title starts with it.
    public func lookup(_ raw: String) -> Note? { notes.lookup(raw) }

    /// A "did you mean" for a name that matched nothing.
    public func suggestion(for name: String) -> String? { notes.suggestion(for: name) }

    /// Topics in display order with their notes sorted by title.
    public var notesByTopic: [(topic: String, notes: [Note])] {
        let groups = Dictionary(grouping: notes, by: \.topic)
        return groups.keys.sorted().map { topic in
            (topic, groups[topic, default: []].sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending })
        }
    }
}
