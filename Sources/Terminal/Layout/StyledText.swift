/// How a run of text looks: flags and an optional colour, combined when markup nests
/// (a link inside bold text is bold and underlined).
public struct TextAttributes: Hashable, Sendable {
    public var isBold = false
    public var isDim = false
    public var isItalic = false
    public var isUnderlined = false
    public var isStruck = false
    public var color: Style.Color?

    public init(isBold: Bool = false, isDim: Bool = false, isItalic: Bool = false,
                isUnderlined: Bool = false, isStruck: Bool = false, color: Style.Color? = nil) {
        self.isBold = isBold
        self.isDim = isDim
        self.isItalic = isItalic
        self.isUnderlined = isUnderlined
        self.isStruck = isStruck
        self.color = color
    }

    public static let plain = TextAttributes()
    public static let bold = TextAttributes(isBold: true)
    public static let dim = TextAttributes(isDim: true)

    public static func colored(_ color: Style.Color, bold: Bool = false) -> TextAttributes {
        TextAttributes(isBold: bold, color: color)
    }

    /// `self` with `other` laid on top: flags add up, the inner colour wins.
    public func merged(with other: TextAttributes) -> TextAttributes {
        TextAttributes(isBold: isBold || other.isBold, isDim: isDim || other.isDim,
                       isItalic: isItalic || other.isItalic, isUnderlined: isUnderlined || other.isUnderlined,
                       isStruck: isStruck || other.isStruck, color: other.color ?? color)
    }

    /// The SGR parameters for these attributes, or "" for plain text.
    var sgrCodes: String {
        var codes: [String] = []
        if isBold { codes.append("1") }
        if isDim { codes.append("2") }
        if isItalic { codes.append("3") }
        if isUnderlined { codes.append("4") }
        if isStruck { codes.append("9") }
        if let color { codes.append("\(color.rawValue)") }
        return codes.joined(separator: ";")
    }
}

/// A run of text with one look.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var attributes: TextAttributes
    public init(_ text: String, _ attributes: TextAttributes = .plain) {
        self.text = text
        self.attributes = attributes
    }
}

/// One line of styled text, kept as spans until the end so that wrapping, padding and truncation
/// measure the visible characters and never cut through an escape sequence.
public struct StyledLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [TextSpan]

    public init(_ spans: [TextSpan] = []) { self.spans = spans }
    public init(_ text: String, _ attributes: TextAttributes = .plain) {
        self.spans = text.isEmpty ? [] : [TextSpan(text, attributes)]
    }
    public init(stringLiteral value: String) { self.init(value) }

    /// Terminal columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }
    public var plainText: String { spans.map(\.text).joined() }
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.spans + rhs.spans) }
    public static func += (lhs: inout StyledLine, rhs: StyledLine) { lhs.spans += rhs.spans }

    public mutating func append(_ text: String, _ attributes: TextAttributes = .plain) {
        if !text.isEmpty { spans.append(TextSpan(text, attributes)) }
    }

    /// The line padded with spaces to `width` columns.
    public func padded(to width: Int) -> StyledLine {
        let missing = width - self.width
        return missing > 0 ? self + StyledLine(String(repeating: " ", count: missing)) : self
    }

    /// The line without trailing spaces, so output has no invisible ends.
    public func trimmingTrailingSpaces() -> StyledLine {
        var spans = self.spans
        while let last = spans.last {
            let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty {
                spans.removeLast()
                continue
            }
            spans[spans.count - 1].text = trimmed
            break
        }
        return StyledLine(spans)
    }

    /// The line cut to at most `width` columns, ending in `…` when something was cut.
    public func truncated(to width: Int) -> StyledLine {
        guard self.width > width else { return self }
        guard width > 0 else { return StyledLine() }
        var out: [TextSpan] = []
        var used = 0
        let limit = width - 1
        outer: for span in spans {
            var kept = ""
            for character in span.text {
                let columns = TextWidth.of(String(character))
                if used + columns > limit { out.append(TextSpan(kept, span.attributes)); break outer }
                kept.append(character)
                used += columns
            }
            out.append(TextSpan(kept, span.attributes))
        }
        let ellipsisLook = out.last?.attributes ?? .plain
        out.append(TextSpan("…", ellipsisLook))
        return StyledLine(out.filter { !$0.text.isEmpty })
    }

    /// The line as terminal text: escape sequences only when `color` is on, and adjacent spans of
    /// the same look merged so the output stays short.
    public func rendered(color: Bool) -> String {
        guard color else { return plainText.replacingNonBreakingSpaces() }
        var out = ""
        var pending = ""
        var pendingLook = TextAttributes.plain
        func flush() {
            guard !pending.isEmpty else { return }
            let codes = pendingLook.sgrCodes
            out += codes.isEmpty ? pending : "\u{1B}[\(codes)m\(pending)\u{1B}[0m"
            pending = ""
        }
        for span in spans where !span.text.isEmpty {
            if span.attributes != pendingLook { flush(); pendingLook = span.attributes }
            pending += span.text.replacingNonBreakingSpaces()
        }
        flush()
        return out
    }
}

extension String {
    /// The renderer glues words with U+00A0 so the wrapper keeps them together (`→ Pods`);
    /// terminals get a plain space.
    func replacingNonBreakingSpaces() -> String {
        contains("\u{00A0}") ? String(map { $0 == "\u{00A0}" ? " " : $0 }) : self
    }
}

extension Array where Element == StyledLine {
    /// The lines joined as terminal text, each ending in a newline, trailing spaces removed.
    func rendered(color: Bool) -> String {
        map { $0.trimmingTrailingSpaces().rendered(color: color) + "\n" }.joined()
    }
}
