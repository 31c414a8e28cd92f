/// Splits a command line into words as a POSIX shell would for simple input: spaces separate,
/// single quotes keep everything, double quotes keep spaces, backslash escapes one character.
enum ShellWords {
    struct UnterminatedQuote: Error, CustomStringConvertible {
        var quote: Character
        var description: String { "unterminated \(quote) quote" }
    }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw UnterminatedQuote(quote: quote) }
        if inWord { words.append(current) }
        return words
    }
}
