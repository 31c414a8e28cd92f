import Foundation
import Markdown

/// Turns cards into front and back text for Anki: markdown as written in the note (quote markers
/// removed), with the callout marker and `{#id}` left out.
public enum CardExport {
    public static func tsv(cards: [Card], library: ContentLibrary) -> AnkiTSV {
        let notes = Dictionary(library.notes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return AnkiTSV(rows: cards.map { card in
            let lines = notes[card.path]?.lines ?? []
            let (front, back) = sides(of: card, lines: lines)
            return AnkiTSV.Row(guid: card.id, front: front, back: back, tags: card.tags)
        })
    }

    static func sides(of card: Card, lines: [String]) -> (String, String) {
        switch card.body {
        case .basic(let question, let answer):
            return (source(question, lines: lines), source(answer, lines: lines))
        case .choice(let question, let options, let explanation):
            let front = source(question, lines: lines) + "\n\n" + options.map { "- " + $0.text }.joined(separator: "\n")
            let back = options.map { "- [\($0.isCorrect ? "x" : " ")] " + $0.text }.joined(separator: "\n")
            return (front, join(back, source(explanation, lines: lines)))
        case .cloze(let number, let text, let extra):
            return (text.masked(for: number), join(text.revealed(for: number), source(extra, lines: lines)))
        case .command(let question, let accepted, let explanation):
            let block = "```kubectl\n" + accepted.joined(separator: "\n") + "\n```"
            return (source(question, lines: lines), join(block, source(explanation, lines: lines)))
        }
    }

    static func join(_ first: String, _ second: String) -> String {
        second.isEmpty ? first : first + "\n\n" + second
    }

    /// The markdown of `blocks`: a question paragraph (built by the parser, not in the file) from its
    /// inlines, every other block from its lines in the file, with one level of `>` removed.
    static func source(_ blocks: [MarkdownNode], lines: [String]) -> String {
        var parts: [String] = []
        for block in blocks {
            if block.kind == .paragraph, !block.children.isEmpty, isSynthetic(block, lines: lines) {
                parts.append(InlineMarkdown.text(of: block.children))
                continue
            }
            let first = max(block.start.line, 1), last = min(block.end.line, lines.count)
            guard first <= last else { continue }
            let text = lines[(first - 1)...(last - 1)].map(unquoted).joined(separator: "\n")
            parts.append(text.trimmingCharacters(in: .newlines))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The question paragraph's file line still holds `[!kind]`: export its inlines instead.
    static func isSynthetic(_ block: MarkdownNode, lines: [String]) -> Bool {
        guard block.start.line >= 1, block.start.line <= lines.count else { return true }
        return lines[block.start.line - 1].contains("[!")
    }

    static func unquoted(_ line: String) -> String {
        var rest = Substring(line)
        var spaces = 0
        while rest.first == " ", spaces < 3 { rest.removeFirst(); spaces += 1 }
        guard rest.first == ">" else { return line }
        rest.removeFirst()
        if rest.first == " " { rest.removeFirst() }
        return String(rest)
    }
}
