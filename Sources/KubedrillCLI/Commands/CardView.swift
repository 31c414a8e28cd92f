import Foundation
import Markdown
import Study
import Terminal

/// How a card's question and answer are drawn in the quiz, through the terminal's markdown renderer.
enum CardView {
    static func render(_ blocks: [MarkdownNode], env: CommandEnvironment) -> String {
        let start = blocks.first?.start ?? SourcePosition(line: 1, column: 1)
        let end = blocks.last?.end ?? start
        let document = MarkdownNode(kind: .document, children: blocks, start: start, end: end)
        return MarkdownRenderer.render(document, options: RenderOptions(color: env.usesColor, width: env.terminalWidth))
    }

    static func render(markdown: String, env: CommandEnvironment) -> String {
        MarkdownRenderer.render(MarkdownParser.parse(markdown), options: RenderOptions(color: env.usesColor, width: env.terminalWidth))
    }

    /// One line of inline markdown, drawn without its paragraph spacing.
    static func inline(_ markdown: String, env: CommandEnvironment) -> String {
        render(markdown: markdown, env: env).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The front of the card. `order` is the shown order of a choice card's options.
    static func question(_ card: Card, order: [Int], env: CommandEnvironment) -> String {
        switch card.body {
        case .basic(let question, _), .command(let question, _, _):
            return render(question, env: env)
        case .choice(let question, let options, _):
            var text = render(question, env: env)
            for (position, index) in order.enumerated() {
                text += "  \(position + 1). " + inline(options[index].text, env: env) + "\n"
            }
            return text
        case .cloze(let number, let cloze, _):
            return render(markdown: cloze.masked(for: number), env: env)
        }
    }

    /// The back of the card: the answer, the right options or the accepted commands, and any explanation.
    static func answer(_ card: Card, order: [Int], env: CommandEnvironment) -> String {
        switch card.body {
        case .basic(_, let answer):
            return render(answer, env: env)
        case .choice(_, let options, let explanation):
            var text = ""
            for (position, index) in order.enumerated() {
                let option = options[index]
                let mark = option.isCorrect ? env.style.color("✓", .green) : " "
                text += "\(mark) \(position + 1). " + inline(option.text, env: env) + "\n"
            }
            return text + (explanation.isEmpty ? "" : "\n" + render(explanation, env: env))
        case .cloze(let number, let cloze, let extra):
            return render(markdown: cloze.revealed(for: number), env: env) + (extra.isEmpty ? "" : "\n" + render(extra, env: env))
        case .command(_, let accepted, let explanation):
            let commands = accepted.map { "  " + env.style.bold($0) }.joined(separator: "\n") + "\n"
            return commands + (explanation.isEmpty ? "" : "\n" + render(explanation, env: env))
        }
    }

    /// What the learner is asked to type, by kind.
    static func instruction(_ card: Card) -> String {
        switch card.kind {
        case .basic, .cloze: return "Enter reveals the answer."
        case .choice: return "Type the numbers of the right options (e.g. 1 3), or Enter to reveal."
        case .command: return "Type the kubectl command, or Enter to reveal."
        }
    }
}
