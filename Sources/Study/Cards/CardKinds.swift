import Foundation
import Markdown

/// The per-kind reading of a callout's blocks (after the first paragraph).
extension CardParser.Context {
    /// Question, then answer: after a top-level `---` when there is one, else after the first paragraph.
    mutating func basic(question: MarkdownNode, questionText: String, blocks: [MarkdownNode],
                        at position: SourcePosition) -> CardBody? {
        var questionBlocks = [question]
        var answer = blocks
        if let rule = blocks.firstIndex(where: { $0.kind == .thematicBreak }) {
            questionBlocks += blocks[..<rule]
            answer = Array(blocks[(rule + 1)...])
        }
        if questionText.isEmpty && questionBlocks.count == 1 {
            problem("empty question: write it after [!card] on the callout's first line", at: position)
        }
        if answer.allSatisfy({ $0.plainText.trimmed.isEmpty }) {
            problem("empty answer: add the answer after a blank \">\" line below the question", at: position)
            return nil
        }
        return .basic(question: questionBlocks, answer: answer)
    }

    /// Question, a GFM task list of options, then the explanation.
    mutating func choice(question: MarkdownNode, questionText: String, blocks: [MarkdownNode],
                         at position: SourcePosition) -> CardBody? {
        if questionText.isEmpty { problem("empty question: write it after [!choice] on the callout's first line", at: position) }
        guard let listIndex = blocks.firstIndex(where: { block in
            guard case .list = block.kind else { return false }
            return block.children.contains { TaskBox.read($0) != nil }
        }) else {
            problem("choice card without options: list them as a task list, \"- [x] right\" and \"- [ ] wrong\"", at: position)
            return nil
        }
        let list = blocks[listIndex]
        var options: [ChoiceOption] = []
        for item in list.children {
            guard case .item = item.kind else { continue }
            guard let (isCorrect, content) = TaskBox.read(item) else {
                problem("option without a box: start it with \"[ ]\" (wrong) or \"[x]\" (right)", at: item.start)
                continue
            }
            let text = InlineMarkdown.text(of: content).trimmed
            if text.isEmpty { problem("empty option", at: item.start) }
            options.append(ChoiceOption(text: text, isCorrect: isCorrect))
        }
        if !options.contains(where: \.isCorrect) {
            problem("no option is marked right: tick at least one with \"- [x]\"", at: list.start)
        }
        if options.count < 2 {
            problem("a choice card needs at least two options", at: list.start)
        }
        let questionBlocks = [question] + blocks[..<listIndex]
        return .choice(question: questionBlocks, options: options, explanation: Array(blocks[(listIndex + 1)...]))
    }

    /// One card per deletion number; numbers must run 1, 2, 3… without gaps.
    mutating func cloze(text: String, blocks: [MarkdownNode], at position: SourcePosition) -> [(Int, CardBody)] {
        let (cloze, messages) = ClozeText.parse(text)
        for message in messages { problem(message, at: position) }
        let numbers = cloze.numbers
        guard !numbers.isEmpty else {
            problem("cloze card without deletions: hide a part as {{c1::text}}", at: position)
            return []
        }
        if numbers != Array(1...numbers.count) {
            let missing = Array(Set(1...(numbers.last ?? 1)).subtracting(numbers)).sorted().map { "c\($0)" }
            problem("cloze numbers have gaps (missing \(missing.joined(separator: ", "))): number deletions c1, c2, c3… in order", at: position)
        }
        return numbers.map { ($0, CardBody.cloze(number: $0, text: cloze, extra: blocks)) }
    }

    /// Question, a ```kubectl block with one accepted command per line, then the explanation.
    mutating func command(question: MarkdownNode, questionText: String, blocks: [MarkdownNode],
                          at position: SourcePosition) -> CardBody? {
        if questionText.isEmpty { problem("empty question: write it after [!command] on the callout's first line", at: position) }
        guard let codeIndex = blocks.firstIndex(where: { block in
            if case .codeBlock(let info, _) = block.kind { return info.split(separator: " ").first == "kubectl" }
            return false
        }), case .codeBlock(_, let literal) = blocks[codeIndex].kind else {
            problem("command card without an answer: put the command in a ```kubectl code block", at: position)
            return nil
        }
        let block = blocks[codeIndex]
        var accepted: [String] = []
        for (offset, raw) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed
            guard !line.isEmpty else { continue }
            if let reason = commandCheck(line) {
                problem("accepted command \"\(line)\" is not valid: \(reason)",
                        at: SourcePosition(line: block.start.line + 1 + offset, column: block.start.column))
            } else {
                accepted.append(line)
            }
        }
        if accepted.isEmpty, literal.trimmed.isEmpty {
            problem("empty answer: the ```kubectl block holds no command", at: block.start)
            return nil
        }
        let questionBlocks = [question] + blocks[..<codeIndex]
        return .command(question: questionBlocks, accepted: accepted, explanation: Array(blocks[(codeIndex + 1)...]))
    }
}

/// The `[ ]`/`[x]` box of a list item (the Markdown module gives every task item this one shape).
enum TaskBox {
    /// Whether the box is ticked and the item's content without it; nil for an item without a box.
    static func read(_ item: MarkdownNode) -> (isChecked: Bool, content: [MarkdownNode])? {
        guard case .item(let task?) = item.kind else { return nil }
        return (task, item.children)
    }
}
