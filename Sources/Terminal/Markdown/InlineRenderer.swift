import Markdown

/// Turns a block's inline nodes into styled spans, ready for wrapping.
///
/// In plain mode markup that changes meaning keeps a textual mark (`` `code` ``, `~~gone~~`,
/// `→ Note`); markup that is only emphasis (italic, bold) becomes the bare text.
struct InlineRenderer {
    var options: RenderOptions

    func spans(of nodes: [MarkdownNode], _ look: TextAttributes = .plain) -> [TextSpan] {
        nodes.flatMap { spans(of: $0, look) }
    }

    func spans(of node: MarkdownNode, _ look: TextAttributes) -> [TextSpan] {
        switch node.kind {
        case .text(let text):
            return [TextSpan(text, look)]
        case .softBreak:
            return [TextSpan(" ", look)]
        case .lineBreak:
            return [TextSpan("\n", look)]
        case .code(let code):
            return options.color ? [TextSpan(code, look.merged(with: Theme.inlineCode))] : [TextSpan("`\(code)`", look)]
        case .htmlInline(let html):
            return [TextSpan(html, look.merged(with: Theme.html))]
        case .emphasis:
            return spans(of: node.children, look.merged(with: Theme.emphasis))
        case .strong:
            return spans(of: node.children, look.merged(with: Theme.strong))
        case .strikethrough:
            let inner = spans(of: node.children, look.merged(with: Theme.strikethrough))
            return options.color ? inner : [TextSpan("~~", look)] + inner + [TextSpan("~~", look)]
        case .link(let destination, _):
            return link(node, destination: destination, look)
        case .image(let source, _):
            let alt = node.plainText
            var out = [TextSpan(alt.isEmpty ? "[image]" : "[image: \(alt)]", look.merged(with: Theme.link))]
            if !source.isEmpty { out.append(TextSpan(" (\(source))", look.merged(with: Theme.linkDestination))) }
            return out
        case .wikiLink(let target, let label):
            return wikiLink(WikiLinkText(target: target, label: label), look)
        default:
            return spans(of: node.children, look)
        }
    }

    /// `text (url)`, or just the text when it already is the address (autolinks, `mailto:`).
    private func link(_ node: MarkdownNode, destination: String, _ look: TextAttributes) -> [TextSpan] {
        let text = spans(of: node.children, look.merged(with: Theme.link))
        let plain = node.plainText
        if plain.isEmpty { return [TextSpan(destination, look.merged(with: Theme.link))] }
        if destination.isEmpty || plain == destination || "mailto:" + plain == destination { return text }
        return text + [TextSpan(" (\(destination))", look.merged(with: Theme.linkDestination))]
    }

    /// A note link. Colour: the text underlined in cyan. Plain: `→ Title`, the arrow saying "a note
    /// you can `show`". A label that differs from the note's title is followed by `(→ Title)` so
    /// the reader knows what to type. `[[#Section]]` in the same note shows `§ Section`. A link
    /// to no note is red with a `?` (plain: `[[Title]]?`).
    private func wikiLink(_ link: WikiLinkText, _ look: TextAttributes) -> [TextSpan] {
        guard link.note.isEmpty || options.linkExists(link.note) else {
            let text = link.displayed
            return options.color
                ? [TextSpan(text + "?", look.merged(with: Theme.brokenWikiLink))]
                : [TextSpan("[[\(text)]]?", look)]
        }
        var out: [TextSpan]
        if link.note.isEmpty && !link.hasOwnLabel {
            // `[[#Section]]`: a place in this note, nothing to `show`.
            out = [TextSpan("§\u{00A0}" + link.displayed, look.merged(with: Theme.wikiLink))]
        } else if options.color || link.hasOwnLabel {
            out = [TextSpan(link.displayed, look.merged(with: Theme.wikiLink))]
        } else {
            out = [TextSpan("→\u{00A0}" + link.displayed, look)]
        }
        if link.hasOwnLabel, !link.note.isEmpty {
            out.append(TextSpan(" (→\u{00A0}\(link.note))", look.merged(with: Theme.linkDestination)))
        }
        return out
    }
}

/// The parts of `[[Note#Section|label]]` as the renderer shows them.
struct WikiLinkText {
    var target: String
    var label: String?

    /// The note to `show`: the target without its `#section`.
    var note: String {
        String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingSpaces()
    }

    var section: String? {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]).trimmingSpaces() : nil
    }

    /// Whether the text shown is the author's own rather than the note's title.
    var hasOwnLabel: Bool {
        guard let label, !label.isEmpty else { return false }
        return label.lowercased() != note.lowercased()
    }

    /// The label, else `Note › Section`, else the note.
    var displayed: String {
        if let label, !label.isEmpty { return label }
        guard let section, !section.isEmpty else { return note }
        return note.isEmpty ? section : "\(note) › \(section)"
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
