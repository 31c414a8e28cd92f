import ArgumentParser
import Study
import Terminal

/// `search <words>`: ranked full-text search of notes and cards.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the notes and cards.",
        discussion: "Every word must occur; a word also matches longer words it starts (probe → probes).")

    @Argument(help: ArgumentHelp("Words to look for.", valueName: "words"))
    var words: [String]

    @Option(help: "Show at most this many notes.")
    var limit = 10

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("Give words to search for: search <words>.") }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let library = env.library(at: try global.contentDirectory())
        let query = words.joined(separator: " ")
        let hits = NoteSearch.search(query, in: library.notes)
        guard !hits.isEmpty else {
            env.out.line("No notes match \"\(query)\".")
            throw ExitCode.failure
        }
        let style = env.style
        let terms = NoteSearch.words(query).map(String.init)
        for (index, hit) in hits.prefix(limit).enumerated() {
            if index > 0 { env.out.line() }
            env.out.line(style.bold(hit.note.title) + "  " + style.dim("\(hit.note.slug) · \(hit.note.path)"))
            for line in hit.lines where line.number > 1 || line.text != hit.note.title {
                let number = String(line.number).leftPadded(to: 5)
                let room = max(20, env.terminalWidth - 8)
                env.out.line(style.dim(number) + "  " + Highlighter.mark(Snippet.window(line.text, around: terms, width: room),
                                                                        terms: terms, style: style))
            }
        }
        if hits.count > limit { env.out.line(style.dim("… \(hits.count - limit) more notes; use --limit")) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Cuts a long line down to a window around the first hit, with ellipses.
enum Snippet {
    static func window(_ text: String, around terms: [String], width: Int) -> String {
        guard text.count > width else { return text }
        let lowered = text.lowercased()
        let first = terms.compactMap { lowered.range(of: $0)?.lowerBound }.min() ?? lowered.startIndex
        let offset = lowered.distance(from: lowered.startIndex, to: first)
        let start = max(0, min(offset - width / 3, text.count - width + 1))
        let begin = text.index(text.startIndex, offsetBy: start)
        let end = text.index(begin, offsetBy: min(width - 1, text.distance(from: begin, to: text.endIndex)))
        return (start > 0 ? "…" : "") + text[begin..<end] + (end < text.endIndex ? "…" : "")
    }
}

/// Highlights the words of a line that start with a query term.
enum Highlighter {
    static func mark(_ text: String, terms: [String], style: Style) -> String {
        guard style.enabled else { return text }
        var out = ""
        var word = ""
        func flush() {
            let lowered = word.lowercased()
            out += terms.contains(where: { lowered.hasPrefix($0) }) ? style.highlight(word) : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber { word.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }
}
