import Markdown

/// A block quote that opens with an Obsidian callout marker, `> [!note] Title` or a card
/// (`> [!card] Question {#card-id}`, see `Content/README.md`), taken apart for drawing.
struct Callout {
    /// The marker's word, lower case: `card`, `choice`, `cloze`, `command`, `note`, `warning`…
    var kind: String
    /// The first paragraph without the marker (and, for cards, without the `{#id …}`).
    var firstParagraph: MarkdownNode
    /// The blocks after the first paragraph.
    var rest: [MarkdownNode]
    /// A card's id, from `{#id tags=…}`.
    var cardID: String?

    static let cardKinds: Set<String> = ["card", "choice", "cloze", "command"]
    var isCard: Bool { Self.cardKinds.contains(kind) }

    init?(_ quote: MarkdownNode) {
        guard let first = quote.children.first, case .paragraph = first.kind,
              let lead = first.children.first, case .text(let text) = lead.kind,
              text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let word = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        kind = word.lowercased()
        var after = text[text.index(after: close)...]
        if after.first == "+" || after.first == "-" { after = after.dropFirst() }  // Obsidian's fold marker
        after = after.drop { $0 == " " }
        var paragraph = first
        if after.isEmpty {
            paragraph.children.removeFirst()
        } else {
            paragraph.children[0].kind = .text(String(after))
        }
        rest = Array(quote.children.dropFirst())
        if Self.cardKinds.contains(kind) {
            let (stripped, id) = Self.removingCardID(from: paragraph)
            paragraph = stripped
            cardID = id
        }
        firstParagraph = paragraph
    }

    /// The paragraph without its `{#id tags=a,b}` and the spaces before it, and the id.
    static func removingCardID(from paragraph: MarkdownNode) -> (MarkdownNode, String?) {
        var paragraph = paragraph
        var id: String?
        for index in paragraph.children.indices {
            guard case .text(let text) = paragraph.children[index].kind,
                  let open = text.range(of: "{#"), let close = text[open.upperBound...].firstIndex(of: "}") else { continue }
            let inside = text[open.upperBound..<close]
            id = inside.split(separator: " ").first.map(String.init)
            var before = text[..<open.lowerBound]
            while before.last == " " { before.removeLast() }
            paragraph.children[index].kind = .text(String(before) + String(text[text.index(after: close)...]))
            break
        }
        // A trailing break left behind by an id on a line of its own.
        while let last = paragraph.children.last, Self.isBlank(last) { paragraph.children.removeLast() }
        return (paragraph, id)
    }

    private static func isBlank(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .softBreak, .lineBreak: return true
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    /// A callout's title: the first line of its first paragraph (`> [!warning] Careful`).
    var titleInlines: [MarkdownNode] {
        Array(firstParagraph.children.prefix { !Self.isLineEnd($0) })
    }

    /// The rest of the first paragraph after the title line, as a paragraph of its own.
    var bodyAfterTitle: MarkdownNode? {
        let remaining = firstParagraph.children.drop { !Self.isLineEnd($0) }.dropFirst()
        guard !remaining.isEmpty else { return nil }
        var paragraph = firstParagraph
        paragraph.children = Array(remaining)
        return paragraph
    }

    private static func isLineEnd(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .softBreak, .lineBreak: return true
        default: return false
        }
    }
}
