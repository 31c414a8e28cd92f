/// Greedy word wrapping of styled text by display width.
///
/// Lines break at spaces only; a word is split only when it alone is wider than the line, so a
/// long URL or a 60-character resource name still shows whole on a wide terminal. `\n` in the
/// text is a hard break. Wide characters count two columns; escape sequences never enter here
/// because styling stays in the spans until the line is rendered.
public enum WordWrap {
    /// Wraps `spans` into lines of at most `width` columns (at least one column is assumed, and a
    /// character wider than the line gets a line of its own). Always returns at least one line.
    public static func wrap(_ spans: [TextSpan], width: Int) -> [StyledLine] {
        let width = max(width, 1)
        var lines: [StyledLine] = []
        var line = StyledLine()
        var lineWidth = 0
        var pendingSpace: Piece?
        var isFreshLine = true  // at the start or after a hard break: leading spaces are kept

        func endLine() {
            lines.append(line)
            line = StyledLine()
            lineWidth = 0
            pendingSpace = nil
            isFreshLine = false
        }

        for token in tokens(of: spans) {
            switch token {
            case .newline:
                endLine()
                isFreshLine = true
            case .space(let space):
                if lineWidth == 0 && !isFreshLine { continue }
                pendingSpace = space
            case .word(let word):
                let spaceWidth = lineWidth == 0 && !isFreshLine ? 0 : pendingSpace?.width ?? 0
                if lineWidth + spaceWidth + word.width <= width {
                    if let space = pendingSpace, spaceWidth > 0 { line.spans += space.spans }
                    line.spans += word.spans
                    lineWidth += spaceWidth + word.width
                    pendingSpace = nil
                    isFreshLine = false
                    continue
                }
                if lineWidth > 0 { endLine() }
                pendingSpace = nil
                isFreshLine = false
                if word.width <= width {
                    line.spans += word.spans
                    lineWidth = word.width
                    continue
                }
                let chunks = split(word, width: width)
                for chunk in chunks.dropLast() {
                    line.spans = chunk.spans
                    endLine()
                }
                if let last = chunks.last {
                    line.spans = last.spans
                    lineWidth = last.width
                }
            }
        }
        if lineWidth > 0 || lines.isEmpty || !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A word or a run of spaces, possibly spanning several looks (`**bold**plain`).
    struct Piece {
        var spans: [TextSpan] = []
        var width = 0

        mutating func append(_ character: Character, _ attributes: TextAttributes) {
            if let last = spans.last, last.attributes == attributes {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(TextSpan(String(character), attributes))
            }
            width += TextWidth.of(String(character))
        }
    }

    enum Token {
        case word(Piece)
        case space(Piece)
        case newline
    }

    static func tokens(of spans: [TextSpan]) -> [Token] {
        var tokens: [Token] = []
        var current = Piece()
        var currentIsSpace = false
        func flush() {
            guard !current.spans.isEmpty else { return }
            tokens.append(currentIsSpace ? .space(current) : .word(current))
            current = Piece()
        }
        for span in spans {
            for character in span.text {
                if character == "\n" || character == "\r\n" {
                    flush()
                    tokens.append(.newline)
                    continue
                }
                let isSpace = character == " " || character == "\t"
                if isSpace != currentIsSpace { flush(); currentIsSpace = isSpace }
                current.append(isSpace ? " " : character, span.attributes)
            }
        }
        flush()
        return tokens
    }

    /// Cuts a too-wide word into pieces that each fit `width` (a lone wide character may not).
    static func split(_ word: Piece, width: Int) -> [Piece] {
        var pieces: [Piece] = []
        var piece = Piece()
        for span in word.spans {
            for character in span.text {
                let columns = TextWidth.of(String(character))
                if piece.width + columns > width, piece.width > 0 {
                    pieces.append(piece)
                    piece = Piece()
                }
                piece.append(character, span.attributes)
            }
        }
        if piece.width > 0 || pieces.isEmpty { pieces.append(piece) }
        return pieces
    }
}
