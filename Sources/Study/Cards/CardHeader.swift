import Foundation
import KubedrillSupport
import Markdown

/// The first paragraph of a callout, taken apart: `[!kind]`, the question's inline nodes and the
/// trailing `{#id tags=a,b}`. Everything is read from cmark's inline nodes: the marker from the first
/// text node, the id from the last one, so a `{#…}` inside a code span is never mistaken for an id.
struct CardHeader {
    /// The marker as written, lower-cased, fold sign (`-`/`+`) removed.
    var marker: String
    /// The paragraph's inlines without the marker and the id.
    var inlines: [MarkdownNode]
    var id: String?
    var tags: [String]
    /// Problems with the `{#…}` attribute itself (bad characters, unknown keys).
    var problems: [String]

    /// Reads the callout marker; nil when the block quote is not a callout.
    static func read(_ paragraph: MarkdownNode) -> CardHeader? {
        var inlines = paragraph.children
        guard let first = inlines.first, case .text(let text) = first.kind else { return nil }
        let trimmed = text.drop { $0 == " " }
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]") else { return nil }
        var marker = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close].lowercased()
        if marker.hasSuffix("-") || marker.hasSuffix("+") { marker.removeLast() }
        var rest = String(trimmed[trimmed.index(after: close)...])
        if rest.hasPrefix("-") || rest.hasPrefix("+") { rest.removeFirst() }
        rest = String(rest.drop { $0 == " " })
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0].kind = .text(rest) }
        while let leading = inlines.first, leading.kind == .softBreak || leading.kind == .lineBreak { inlines.removeFirst() }
        var header = CardHeader(marker: marker, inlines: inlines, id: nil, tags: [], problems: [])
        header.readAttribute()
        return header
    }

    /// Takes `{#id key=value}` off the end of the last text node.
    private mutating func readAttribute() {
        guard let lastIndex = inlines.indices.last, case .text(let text) = inlines[lastIndex].kind else { return }
        let trimmed = text.trimmed
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{"),
              trimmed[trimmed.index(after: brace)...].hasPrefix("#") else { return }
        let open = brace..<trimmed.index(brace, offsetBy: 2)
        let inside = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        var words = inside.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let before = trimmed[..<open.lowerBound].trimmed
        if before.isEmpty { inlines.remove(at: lastIndex) } else { inlines[lastIndex].kind = .text(before) }
        while let last = inlines.last, last.kind == .softBreak || last.kind == .lineBreak { inlines.removeLast() }
        guard !words.isEmpty else {
            problems.append("empty card id \"{#}\": write {#some-id}")
            return
        }
        let candidate = words.removeFirst()
        if let problem = CardID.problem(with: candidate) { problems.append(problem) } else { id = candidate }
        for word in words {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0] == "tags" else {
                let key = pair.first ?? word
                let hint = Suggest.closest(to: key, among: ["tags"]).map { " (did you mean \"\($0)=\"?)" } ?? ""
                problems.append("unknown card attribute \"\(word)\" in {#\(candidate) …}: only tags=a,b is known\(hint)")
                continue
            }
            tags += pair[1].split(separator: ",").map(\.trimmed).filter { !$0.isEmpty }
        }
    }
}

/// Rules for card ids: lower-case letters, digits and single hyphens, as in `deploy-rollback`.
public enum CardID {
    /// Why `id` is not a valid card id, or nil when it is.
    public static func problem(with id: String) -> String? {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if allowed, !id.hasPrefix("-"), !id.hasSuffix("-"), !hasDoubleHyphen(id) { return nil }
        return "bad card id \"\(id)\": use lower-case letters, digits and single hyphens (e.g. \"\(suggested(from: id))\")"
    }

    /// Byte scan: Foundation's `contains` on Linux was a visible cost over 10,000 ids.
    private static func hasDoubleHyphen(_ id: String) -> Bool {
        zip(id.utf8, id.utf8.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }
    }

    /// An id made from free text: `What is a Pod?` → `what-is-a-pod`, at most six words.
    public static func suggested(from text: String) -> String {
        let words = text.lowercased().split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
        let id = words.prefix(6).joined(separator: "-")
        return id.isEmpty ? "card-1" : id
    }
}
