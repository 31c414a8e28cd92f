/// ANSI styling that turns itself off: with `enabled == false` every method returns its text
/// unchanged, so callers never branch on colour themselves.
public struct Style: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    public enum Color: Int, Sendable {
        case black = 30, red, green, yellow, blue, magenta, cyan, white
        case gray = 90
    }

    private func wrap(_ text: String, _ codes: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func italic(_ text: String) -> String { wrap(text, "3") }
    public func underline(_ text: String) -> String { wrap(text, "4") }
    public func strike(_ text: String) -> String { wrap(text, "9") }
    public func color(_ text: String, _ color: Color) -> String { wrap(text, "\(color.rawValue)") }
    public func boldColor(_ text: String, _ color: Color) -> String { wrap(text, "1;\(color.rawValue)") }

    /// Marks of success and failure used across commands.
    public func ok(_ text: String) -> String { color(text, .green) }
    public func error(_ text: String) -> String { boldColor(text, .red) }
    public func warning(_ text: String) -> String { color(text, .yellow) }
    /// Highlighted search hits.
    public func highlight(_ text: String) -> String { wrap(text, "1;33") }
}

/// Display width helpers that ignore ANSI escape sequences.
public enum TextWidth {
    /// The number of terminal columns `text` takes (escape sequences take none; wide CJK/emoji take two).
    public static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += columns(of: scalar)
        }
        return width
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if v == 0x200B || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Pads `text` with spaces to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let current = of(text)
        return current >= width ? text : text + String(repeating: " ", count: width - current)
    }
}
