/// Light syntax colouring for the code the notes show: YAML manifests and shell commands.
///
/// Only the languages kubedrill's notes use are coloured, and only lightly (keys, strings,
/// numbers, comments; command words, flags, prompts): enough to read a manifest at a glance, not
/// a full grammar. Anything else is returned uncoloured. Highlighting never changes the text.
public enum CodeHighlighter {
    public enum Language: Equatable, Sendable {
        case yaml
        /// Commands: every line is a command line (`bash`, `sh`, `shell`, `zsh`, `kubectl`).
        case shell
        /// A transcript: `$ ` lines are commands (prompt dimmed), other lines are output.
        case console
        case none

        /// The language of a fence's info string; its first word names it (`yaml fragment`).
        public init(info: String) {
            let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map(String.init) ?? ""
            switch word.lowercased() {
            case "yaml", "yml": self = .yaml
            case "bash", "sh", "shell", "zsh", "kubectl": self = .shell
            case "console", "shell-session", "terminal": self = .console
            default: self = .none
            }
        }
    }

    /// The lines of `code` (tabs expanded to 4-column stops), each as coloured spans.
    public static func highlight(_ code: String, language: Language) -> [[TextSpan]] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { expandTabs(String($0)) }
        switch language {
        case .yaml:
            var state = YAMLHighlighter()
            return lines.map { state.highlight($0) }
        case .shell:
            var state = ShellHighlighter()
            return lines.map { state.highlight($0) }
        case .console:
            var state = ShellHighlighter()
            var isContinuation = false
            return lines.map { line in
                if line.hasPrefix("$ ") || line == "$" || isContinuation {
                    let command = isContinuation ? line : String(line.dropFirst(min(2, line.count)))
                    let prompt = isContinuation ? [] : [TextSpan(String(line.prefix(2)), Theme.codePrompt)]
                    isContinuation = command.hasSuffix("\\")
                    return prompt + state.highlight(command)
                }
                return line.isEmpty ? [] : [TextSpan(line)]
            }
        case .none:
            return lines.map { $0.isEmpty ? [] : [TextSpan($0)] }
        }
    }

    static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += TextWidth.of(String(character))
            }
        }
        return out
    }
}

/// Draws a fenced or indented code block: a dim `│` gutter indented two columns, the code never
/// wrapped (a wrapped command or manifest line would read as two) but cut with `…` at the width.
enum CodeBlockRenderer {
    static let gutter = "  │ "

    static func lines(literal: String, info: String, width: Int) -> [StyledLine] {
        var code = literal
        if code.hasSuffix("\n") { code.removeLast() }
        let highlighted = CodeHighlighter.highlight(code, language: .init(info: info))
        let room = max(width - gutter.count, 1)
        return highlighted.map { spans in
            StyledLine(gutter, Theme.gutter) + StyledLine(spans).truncated(to: room)
        }
    }
}
