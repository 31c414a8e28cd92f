import Foundation
import Markdown

/// Full-text search over notes (and the cards inside them), ranked like a small search engine:
/// every query word must occur (as a word prefix, so "probe" finds "probes"); hits in titles and
/// headings weigh more; rare words weigh more than common ones (idf).
public enum NoteSearch {
    /// A searchable line of a note: the text of one block, at its file line.
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var text: String
        public var weight: Double
    }

    public struct Hit: Sendable {
        public var note: Note
        public var score: Double
        /// Matching lines in file order (at most `maxLines`).
        public var lines: [Line]
    }

    public static let maxLines = 5

    /// Lower-cased words of `text`: letters and digits, split on everything else.
    public static func words(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered.split { !($0.isLetter || $0.isNumber) }
    }

    public static func search(_ query: String, in notes: [Note]) -> [Hit] {
        let terms = Array(Set(words(query).map(String.init))).sorted()
        guard !terms.isEmpty else { return [] }
        let indexed = notes.map { ($0, lines(of: $0)) }
        var documentFrequency: [String: Int] = [:]
        var perNote: [(Note, [Line], [String: Double])] = []
        for (note, noteLines) in indexed {
            var termWeights: [String: Double] = [:]
            for line in noteLines {
                for word in words(line.text) {
                    for term in terms where word.hasPrefix(term) { termWeights[term, default: 0] += line.weight }
                }
            }
            for term in termWeights.keys { documentFrequency[term, default: 0] += 1 }
            perNote.append((note, noteLines, termWeights))
        }
        let total = Double(max(notes.count, 1))
        var hits: [Hit] = []
        for (note, noteLines, weights) in perNote where terms.allSatisfy({ weights[$0] != nil }) {
            var score = 0.0
            for term in terms {
                let idf = log(1 + total / Double(documentFrequency[term] ?? 1))
                score += idf * (1 + log(weights[term] ?? 1))
            }
            let matching = noteLines.filter { line in
                let lineWords = words(line.text)
                return terms.contains { term in lineWords.contains { $0.hasPrefix(term) } }
            }
            hits.append(Hit(note: note, score: score, lines: Array(matching.prefix(maxLines))))
        }
        return hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.note.title < $1.note.title }
    }

    /// The note's text as lines: the title, then one line per paragraph, heading, table row and code line.
    public static func lines(of note: Note) -> [Line] {
        var out: [Line] = []
        collect(note.document, into: &out)
        // The title weighs most: on its own `# Heading` when it has one, else as a line of its own.
        if let heading = out.firstIndex(where: { $0.weight == 3 && $0.text == note.title }) {
            out[heading].weight = 10
        } else {
            out.insert(Line(number: 1, text: note.title, weight: 10), at: 0)
        }
        return out
    }

    private static func collect(_ node: MarkdownNode, into out: inout [Line]) {
        switch node.kind {
        case .heading:
            out.append(Line(number: node.start.line, text: node.plainText.trimmingCharacters(in: .whitespacesAndNewlines), weight: 3))
        case .paragraph:
            var text = node.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.contains("{{") { text = ClozeText.parse(text).0.plain }  // cloze cards read as prose
            out.append(Line(number: node.start.line, text: text, weight: 1))
        case .tableRow:
            let cells = node.children.map { $0.plainText.trimmingCharacters(in: .whitespacesAndNewlines) }
            out.append(Line(number: node.start.line, text: cells.joined(separator: " | "), weight: 1))
        case .codeBlock(_, let literal):
            for (offset, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !text.isEmpty {
                out.append(Line(number: node.start.line + 1 + offset, text: String(text), weight: 0.5))
            }
        default:
            for child in node.children { collect(child, into: &out) }
        }
    }
}
