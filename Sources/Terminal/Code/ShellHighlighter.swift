/// Shell colouring one line at a time: the command word bold (also after `|`, `&&`, `||`, `;`),
/// flags yellow, quoted strings green, comments dim. A line ending in `\` continues the command,
/// so the next line's first word is an argument, not a command.
struct ShellHighlighter {
    private var continuesCommand = false

    mutating func highlight(_ line: String) -> [TextSpan] {
        var out: [TextSpan] = []
        var expectsCommand = !continuesCommand
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == " " {
                let end = line[index...].firstIndex { $0 != " " } ?? line.endIndex
                out.append(TextSpan(String(line[index..<end])))
                index = end
                continue
            }
            if character == "#" {
                out.append(TextSpan(String(line[index...]), Theme.codeComment))
                break
            }
            if "|&;".contains(character) {
                let end = line[index...].firstIndex { !"|&;".contains($0) } ?? line.endIndex
                out.append(TextSpan(String(line[index..<end]), Theme.codePunctuation))
                index = end
                expectsCommand = true
                continue
            }
            let end = Self.wordEnd(in: line, from: index)
            let word = line[index..<end]
            out.append(TextSpan(String(word), look(of: word, expectsCommand: &expectsCommand)))
            index = end
        }
        continuesCommand = line.hasSuffix("\\")
        return out
    }

    private func look(of word: Substring, expectsCommand: inout Bool) -> TextAttributes {
        if let first = word.first, first == "\"" || first == "'" { return Theme.codeString }
        if word.hasPrefix("-") && word.count > 1 { return Theme.codeFlag }
        if expectsCommand {
            // `KEY=value cmd`: the assignment comes first and the command is still to come.
            if word.contains("="), word.first?.isLetter == true || word.first == "_" { return .plain }
            expectsCommand = false
            return Theme.codeCommand
        }
        return .plain
    }

    /// The end of the word at `start`: up to a space or an operator, quotes kept whole.
    private static func wordEnd(in line: String, from start: String.Index) -> String.Index {
        var quote: Character?
        var index = start
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " || "|&;".contains(character) {
                break
            }
            index = line.index(after: index)
        }
        return index
    }
}
