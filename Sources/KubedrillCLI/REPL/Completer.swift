import Foundation
import Study

/// What a command's free arguments are, for tab completion in the shell.
enum CompletionSource {
    case notes, files, commands, none
}

/// Commands that want their arguments completed say so here.
protocol REPLCompletable {
    static var argumentCompletion: CompletionSource { get }
}

extension ShowCommand: REPLCompletable { static var argumentCompletion: CompletionSource { .notes } }

/// Candidates for the word under the cursor: command names first, then what the command takes.
struct Completer {
    var library: () -> ContentLibrary?
    var currentDirectory: String = FileManager.default.currentDirectoryPath

    static let builtins = ["help", "quit", "exit", "reload"]

    static var commandNames: [String] {
        (CommandCatalog.all.map { $0._commandName } + builtins).sorted()
    }

    func candidates(for line: String) -> [String] {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if line.hasSuffix(" ") || line.isEmpty { words.append("") }
        if words.first == "kubectl" { words.removeFirst() }  // `kubectl get pods` works as `get pods`
        guard let word = words.last else { return [] }
        if words.count == 1 { return Self.commandNames.filter { $0.hasPrefix(word) } }
        if word.hasPrefix("/") || word.hasPrefix("./") || word.hasPrefix("../") || word.hasPrefix("~") {
            return files(matching: word)
        }
        let command = words[0]
        if command == "help" { return Self.commandNames.filter { $0.hasPrefix(word) } }
        guard let type = CommandCatalog.command(named: command) as? REPLCompletable.Type else { return [] }
        switch type.argumentCompletion {
        case .notes:
            let names = library()?.notes.map(\.slug) ?? []
            return names.filter { $0.hasPrefix(word.lowercased()) }.sorted()
        case .files: return files(matching: word)
        case .commands: return Self.commandNames.filter { $0.hasPrefix(word) }
        case .none: return []
        }
    }

    /// Paths that start with `word`; directories end in `/` so completion can go on into them.
    func files(matching word: String) -> [String] {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let expanded = word.hasPrefix("~") ? home + word.dropFirst() : word
        let slash = expanded.lastIndex(of: "/")
        let folderPart = slash.map { String(expanded[...$0]) } ?? ""
        let namePart = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let folder = folderPart.isEmpty ? currentDirectory
            : (folderPart.hasPrefix("/") ? folderPart : currentDirectory + "/" + folderPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let typedPrefix = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
        return entries.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isDirectory)
            return typedPrefix + entry + (isDirectory.boolValue ? "/" : "")
        }
    }
}
