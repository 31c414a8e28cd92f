import ArgumentParser

/// Reading notes: list, show, search.
enum FoundationCommands {
    static let all: [ParsableCommand.Type] = [NotesCommand.self, ShowCommand.self, SearchCommand.self]
}
