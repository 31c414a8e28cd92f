import Foundation
import KubedrillSupport
import Markdown

/// Reads every note under a directory. Problems become `ContentProblem`s; nothing here throws,
/// so one bad file never hides the others or stops the REPL.
public enum ContentLoader {
    /// Files with upper-case names (README.md, ERRATA.md) document the content; they are not notes.
    static func isNoteFile(_ url: URL) -> Bool {
        guard url.pathExtension == "md" else { return false }
        let name = url.deletingPathExtension().lastPathComponent
        return name != name.uppercased()
    }

    public static func load(directory: URL) -> ContentLibrary {
        let base = directory
        // Notes are independent: read and parse them on all cores.
        let loaded = noteFiles(in: directory).parallelMap { file in load(file: file, base: base) }
        let notes = loaded.compactMap(\.note)
        let problems = loaded.flatMap(\.problems)
        var library = ContentLibrary(directory: directory, notes: notes, problems: problems)
        library.problems += checkNames(library) + checkLinks(library)
        library.problems.sort { ($0.file, $0.line, $0.column ?? 0) < ($1.file, $1.line, $1.column ?? 0) }
        return library
    }

    private static func load(file: URL, base directory: URL) -> (note: Note?, problems: [ContentProblem]) {
        do {
            return load(data: try Data(contentsOf: file), file: file, base: directory)
        } catch {
            let path = displayPath(of: file, base: directory)
            return (nil, [ContentProblem(file: path, line: 1, message: "cannot read file: \(error.localizedDescription)")])
        }
    }

    /// Parses the bytes read from `file`, a note under `directory`.
    static func load(data: Data, file: URL, base directory: URL) -> (note: Note?, problems: [ContentProblem]) {
        let path = displayPath(of: file, base: directory)
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [ContentProblem(file: path, line: 1, message: "file is not valid UTF-8")])
        }
        var problems: [ContentProblem] = []
        let note = parse(text: text, path: path, relativeFolder: folder(of: file, base: directory), problems: &problems)
        return (note, problems)
    }

    /// Parses one note's text; `path` names it in problems.
    public static func parse(text: String, path: String, relativeFolder: String = "",
                             problems: inout [ContentProblem]) -> Note {
        let (front, body) = FrontMatter.split(text, path: path, problems: &problems)
        let document = MarkdownParser.parse(body, lineOffset: front.lineCount)
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
        var title = front.title
        if title == nil {
            title = document.children.first { if case .heading(1) = $0.kind { return true } else { return false } }?.plainText
        }
        if title == nil {
            problems.append(ContentProblem(file: path, line: 1, severity: .warning,
                                           message: "note has no title: add \"title:\" to the front matter or a '# Heading'"))
        }
        let topic = front.topic ?? (relativeFolder.isEmpty ? "General" : prettyTopic(relativeFolder))
        return Note(slug: slug, title: title ?? slug, topic: topic, tags: front.tags, aliases: front.aliases,
                    path: path, document: document, lines: text.lines)
    }

    static func noteFiles(in directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where isNoteFile(url) { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }

    /// Paths in messages are relative to the directory that holds `Content/`, so `Content/pods.md:3`
    /// reads the same on every machine.
    static func displayPath(of file: URL, base: URL) -> String {
        let parent = base.standardizedFileURL.deletingLastPathComponent().path
        let full = file.standardizedFileURL.path
        return full.hasPrefix(parent + "/") ? String(full.dropFirst(parent.count + 1)) : full
    }

    /// The file's path inside `base` (`bench/note-1.md`).
    static func relativePath(of file: URL, base: URL) -> String {
        let root = base.standardizedFileURL.path
        let full = file.standardizedFileURL.path
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
    }

    static func folder(of file: URL, base: URL) -> String {
        let root = base.standardizedFileURL.path
        let folder = file.standardizedFileURL.deletingLastPathComponent().path
        return folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) : ""
    }

    static func prettyTopic(_ folder: String) -> String {
        let last = folder.split(separator: "/").last.map(String.init) ?? folder
        let words = last.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func checkNames(_ library: ContentLibrary) -> [ContentProblem] {
        var seen: [String: Note] = [:]
        var problems: [ContentProblem] = []
        for note in library.notes {
            if let first = seen[note.slug] {
                problems.append(ContentProblem(file: note.path, line: 1,
                                               message: "note name \"\(note.slug)\" is also used by \(first.path)"))
            } else {
                seen[note.slug] = note
            }
        }
        return problems
    }

    static func checkLinks(_ library: ContentLibrary) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for note in library.notes {
            for link in note.wikiLinks where library.note(named: link.target) == nil {
                let hint = library.suggestion(for: link.target).map { " (did you mean [[\($0)]]?)" } ?? ""
                problems.append(ContentProblem(file: note.path, line: link.position.line, column: link.position.column,
                                               message: "broken wiki link [[\(link.target)]]: no note has that title, name or alias\(hint)"))
            }
        }
        return problems
    }
}
