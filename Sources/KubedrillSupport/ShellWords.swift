/// Splits a typed command line the way a POSIX shell would before running it, so that
/// `--image="nginx:1.25"`, `--image='nginx:1.25'` and `--image=nginx:1.25` are the same word.
///
/// Supported: blanks between words, single quotes (literal), double quotes (where `\` escapes
/// `"`, `\`, `$` and a backquote), backslash escapes outside quotes. Nothing is expanded (`$POD`
/// stays as typed). An unquoted `|`, `;`, `&`, `<` or `>` ends the command: the rest (a pipe or a
/// redirection such as `> pod.yaml`) is returned as `tail`, compared as text.
public struct ShellWords: Equatable, Sendable {
    public var words: [String]
    public var tail: String?

    public init(words: [String], tail: String?) {
        self.words = words
        self.tail = tail
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public static func split(_ line: String) throws -> ShellWords {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(line).makeIterator()
        func next() -> Character? { iterator.next() }
        var consumed = 0
        let characters = Array(line)
        while let character = next() {
            consumed += 1
            switch character {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                var closed = false
                while let inner = next() {
                    consumed += 1
                    if inner == "'" { closed = true; break }
                    current.append(inner)
                }
                if !closed { throw Failure(description: "unterminated single quote (') in the command") }
            case "\"":
                inWord = true
                var closed = false
                while let inner = next() {
                    consumed += 1
                    if inner == "\"" { closed = true; break }
                    if inner == "\\" {
                        guard let escaped = next() else { break }
                        consumed += 1
                        if ["\"", "\\", "$", "`"].contains(escaped) {
                            current.append(escaped)
                        } else if escaped != "\n" {
                            current.append("\\")
                            current.append(escaped)
                        }
                        continue
                    }
                    current.append(inner)
                }
                if !closed { throw Failure(description: "unterminated double quote (\") in the command") }
            case "\\":
                guard let escaped = next() else { throw Failure(description: "the command ends with a lone backslash (\\)") }
                consumed += 1
                if escaped != "\n" { current.append(escaped); inWord = true }
            case "|", ";", "&", "<", ">":
                if inWord { words.append(current); current = ""; inWord = false }
                return ShellWords(words: words, tail: normalizedTail(characters[(consumed - 1)...]))
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return ShellWords(words: words, tail: nil)
    }

    /// `>pod.yaml` and `>  pod.yaml` alike: operators set apart by one space, blanks collapsed.
    static func normalizedTail(_ characters: ArraySlice<Character>) -> String {
        let operators: Set<Character> = ["|", ";", "&", "<", ">"]
        var spaced = ""
        var previousIsOperator = false
        for character in characters {
            let isOperator = operators.contains(character)
            if isOperator != previousIsOperator { spaced.append(" ") }
            spaced.append(character)
            previousIsOperator = isOperator
        }
        return spaced.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
