import Markdown

/// Draws callouts behind a heavy `┃ ` gutter, coloured by kind, under a header naming them.
///
/// Cards (`Content/README.md`) show what a reviewer sees, question then answer:
/// ```
/// ┃ Card · deploy-vs-rs
/// ┃ Q  What does a Deployment add on top of a ReplicaSet?
/// ┃ A  Declarative updates: …
/// ```
/// - `[!card]`: the question is the first paragraph, or every block up to a `---` line;
/// - `[!choice]`: the options under the question, `✓` for right ones and `✗` for wrong ones;
/// - `[!cloze]`: the text with each `{{c1::answer::hint}}` shown as its answer, highlighted
///   (plain: `[answer]`), the hint dropped;
/// - `[!command]`: the answer's `kubectl` block drawn as code.
/// Other callouts (`[!note] Title`, `[!tip]`, `[!warning]`) show `Note · Title` and their body.
struct CalloutRenderer {
    var blocks: BlockRenderer

    private static let labelWidth = 3

    func lines(for callout: Callout, width: Int) -> [StyledLine] {
        let look = Self.look(of: callout.kind)
        let inner = max(width - 2, 1)
        let body = callout.isCard ? cardLines(callout, width: inner) : noteLines(callout, width: inner)
        let gutter = StyledLine("┃ ", look)
        return BlockRenderer.prefix(body, first: gutter, rest: gutter)
    }

    private func header(_ name: String, _ detail: [TextSpan], _ look: TextAttributes, width: Int) -> [StyledLine] {
        var spans = [TextSpan(name, look.merged(with: .bold))]
        if !detail.isEmpty { spans.append(TextSpan(" · ", look)) }
        return WordWrap.wrap(spans + detail, width: width)
    }

    private func noteLines(_ callout: Callout, width: Int) -> [StyledLine] {
        let look = Self.look(of: callout.kind)
        let title = blocks.inline.spans(of: callout.titleInlines, look.merged(with: .bold))
        var out = header(Self.displayName(of: callout.kind), title, look, width: width)
        let body = (callout.bodyAfterTitle.map { [$0] } ?? []) + callout.rest
        if let first = body.first {
            out += blocks.lines(for: [first], width: width)
            let more = blocks.lines(for: Array(body.dropFirst()), width: width)
            if !more.isEmpty { out += [StyledLine()] + more }
        }
        return out
    }

    private func cardLines(_ callout: Callout, width: Int) -> [StyledLine] {
        let look = Self.look(of: callout.kind)
        let id = callout.cardID.map { [TextSpan($0, look)] } ?? []
        var out = header(Self.displayName(of: callout.kind), id, look, width: width)
        let room = width - Self.labelWidth
        var question = [callout.firstParagraph]
        var answer = callout.rest
        if let rule = answer.firstIndex(where: { $0.kind == .thematicBreak }) {
            question += answer[..<rule]
            answer = Array(answer[answer.index(after: rule)...])
        }
        switch callout.kind {
        case "cloze":
            let spans = ClozeText.reveal(blocks.inline.spans(of: callout.firstParagraph.children), color: blocks.options.color)
            out += WordWrap.wrap(spans, width: width)
            let extra = blocks.lines(for: callout.rest, width: width)
            if !extra.isEmpty { out += [StyledLine()] + extra }
            return out
        case "choice":
            var questionLines = blocks.lines(for: question, width: room)
            if let listIndex = answer.firstIndex(where: { if case .list = $0.kind { return true } else { return false } }) {
                questionLines += choiceLines(answer[listIndex], width: room)
                answer.remove(at: listIndex)
            }
            out += labelled("Q", questionLines, look)
        default:
            out += labelled("Q", blocks.lines(for: question, width: room), look)
        }
        let answerLines = blocks.lines(for: answer, width: room)
        if !answerLines.isEmpty {
            // A question of several blocks (a manifest to read) ends with a blank line, as its `---` did.
            if question.count > 1 { out.append(StyledLine()) }
            out += labelled("A", answerLines, look)
        }
        return out
    }

    /// A choice's options, each behind `✓` (right) or `✗` (wrong), wrapped with a hanging indent.
    private func choiceLines(_ list: MarkdownNode, width: Int) -> [StyledLine] {
        list.children.flatMap { listItem -> [StyledLine] in
            let (task, item) = ListRenderer.task(of: listItem)
            let isRight = task ?? false
            let mark = isRight ? StyledLine("✓", Theme.rightChoice) : StyledLine("✗", Theme.wrongChoice)
            let text = blocks.lines(for: item.children, width: width - 2, tight: true)
            return BlockRenderer.prefix(text, first: mark + " ", rest: "  ")
        }
    }

    private func labelled(_ label: String, _ lines: [StyledLine], _ look: TextAttributes) -> [StyledLine] {
        let first = StyledLine(label, look.merged(with: .bold)) + StyledLine(String(repeating: " ", count: Self.labelWidth - label.count))
        return BlockRenderer.prefix(lines, first: first, rest: StyledLine(String(repeating: " ", count: Self.labelWidth)))
    }

    static func displayName(of kind: String) -> String {
        kind.prefix(1).uppercased() + kind.dropFirst()
    }

    static func look(of kind: String) -> TextAttributes {
        switch kind {
        case "card", "choice", "cloze", "command": return .colored(.magenta)
        case "note", "info", "abstract", "summary", "todo": return .colored(.blue)
        case "tip", "hint", "important", "success", "check", "done": return .colored(.green)
        case "warning", "caution", "attention", "question", "help", "faq": return .colored(.yellow)
        case "danger", "error", "bug", "failure", "fail", "missing": return .colored(.red)
        default: return .colored(.cyan)
        }
    }
}

/// The text of a cloze card with its deletions revealed.
enum ClozeText {
    /// `{{c1::answer::hint}}` becomes `answer`, highlighted (plain: `[answer]`); the markers may
    /// enclose other markup (`` {{c1::`kubelet`}} ``) since they are found span by span.
    static func reveal(_ spans: [TextSpan], color: Bool) -> [TextSpan] {
        var out: [TextSpan] = []
        var depth = 0          // inside a deletion
        var inHint = false
        for span in spans {
            var text = Substring(span.text)
            var kept = ""
            func flush() {
                guard !kept.isEmpty else { return }
                out.append(TextSpan(kept, depth > 0 ? span.attributes.merged(with: Theme.clozeAnswer) : span.attributes))
                kept = ""
            }
            while let character = text.first {
                if depth == 0, text.hasPrefix("{{c"), let marker = openingMarkerLength(text) {
                    flush()
                    depth = 1
                    if !color { out.append(TextSpan("[", span.attributes)) }
                    text = text.dropFirst(marker)
                } else if depth > 0, text.hasPrefix("}}") {
                    flush()
                    depth = 0
                    inHint = false
                    if !color { out.append(TextSpan("]", span.attributes)) }
                    text = text.dropFirst(2)
                } else if depth > 0, !inHint, text.hasPrefix("::") {
                    flush()
                    inHint = true
                    text = text.dropFirst(2)
                } else {
                    if !inHint { kept.append(character) }
                    text = text.dropFirst()
                }
            }
            flush()
        }
        return out
    }

    /// The length of `{{c<number>::` at the start of `text`, if it is one.
    private static func openingMarkerLength(_ text: Substring) -> Int? {
        let digits = text.dropFirst(3).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, text.dropFirst(3 + digits.count).hasPrefix("::") else { return nil }
        return 3 + digits.count + 2
    }
}
