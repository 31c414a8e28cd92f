/// YAML colouring one line at a time: `key:` in cyan, quoted strings green, numbers, booleans and
/// null magenta, comments dim. Lines inside a block scalar (`script: |`) are left as text, so a
/// colon in a shell script is not taken for a key.
struct YAMLHighlighter {
    /// The indentation of the line that opened a block scalar (`key: |`, `- >`), while inside it.
    private var blockScalarIndent: Int?

    mutating func highlight(_ line: String) -> [TextSpan] {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        if let scalarIndent = blockScalarIndent {
            if body.isEmpty || indent > scalarIndent { return plain(line) }
            blockScalarIndent = nil
        }
        var out: [TextSpan] = indent > 0 ? [TextSpan(String(line.prefix(indent)))] : []
        var rest = Substring(body)
        if rest == "---" || rest == "..." { return out + [TextSpan(String(rest), Theme.codePunctuation)] }
        if rest.hasPrefix("#") { return out + [TextSpan(String(rest), Theme.codeComment)] }
        while rest.hasPrefix("- ") || rest == "-" {
            out.append(TextSpan(String(rest.prefix(1)), Theme.codePunctuation))
            rest = rest.dropFirst()
            let spaces = rest.prefix { $0 == " " }
            if !spaces.isEmpty { out.append(TextSpan(String(spaces))) }
            rest = rest.dropFirst(spaces.count)
        }
        if let colon = Self.keyEnd(in: rest) {
            out.append(TextSpan(String(rest[..<colon]), Theme.codeKey))
            out.append(TextSpan(":", Theme.codePunctuation))
            rest = rest[rest.index(after: colon)...]
        }
        if let first = rest.drop(while: { $0 == " " }).first, first == "|" || first == ">" { blockScalarIndent = indent }
        return out + Self.value(rest)
    }

    private func plain(_ line: String) -> [TextSpan] { line.isEmpty ? [] : [TextSpan(line)] }

    /// The colon that ends a mapping key: followed by a space or the end, outside quotes and flow
    /// collections, before any comment.
    static func keyEnd(in text: Substring) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        if let first = text.first, first == "{" || first == "[" { return nil }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", index == text.startIndex || text[text.index(before: index)] == " " {
                return nil
            } else if character == ":", next == text.endIndex || text[next] == " " {
                return index
            }
            index = next
        }
        return nil
    }

    /// A value after the key (or a bare list item): the scalar coloured by kind, then any comment.
    static func value(_ text: Substring) -> [TextSpan] {
        var out: [TextSpan] = []
        var scalar = text
        var comment: Substring = ""
        if let hash = commentStart(in: text) {
            scalar = text[..<hash]
            comment = text[hash...]
        }
        let leading = scalar.prefix { $0 == " " }
        let trailing = String(scalar.dropFirst(leading.count).reversed().prefix { $0 == " " })
        let core = scalar.dropFirst(leading.count).dropLast(trailing.count)
        if !leading.isEmpty { out.append(TextSpan(String(leading))) }
        if !core.isEmpty { out.append(TextSpan(String(core), look(ofScalar: core))) }
        if !trailing.isEmpty { out.append(TextSpan(trailing)) }
        if !comment.isEmpty { out.append(TextSpan(String(comment), Theme.codeComment)) }
        return out
    }

    private static func commentStart(in text: Substring) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", index == text.startIndex || text[text.index(before: index)] == " " {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func look(ofScalar scalar: Substring) -> TextAttributes {
        if let first = scalar.first, first == "\"" || first == "'" { return Theme.codeString }
        switch scalar.lowercased() {
        case "true", "false", "null", "~", "yes", "no": return Theme.codeNumber
        default: break
        }
        let isNumber = !scalar.isEmpty && scalar.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
            && scalar.contains { $0.isNumber }
        return isNumber ? Theme.codeNumber : .plain
    }
}
