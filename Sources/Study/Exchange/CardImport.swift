import Foundation

/// Writes imported rows as a note of `[!card]` callouts, the format the notes use. Ids that are
/// not valid card ids (Anki's random GUIDs) become `anki-<letters and digits>`; rows whose id the
/// content already uses are skipped and reported, never merged into an existing card.
public enum CardImport {
    public struct Result: Sendable {
        public var markdown: String
        public var imported: [String]
        public var skipped: [(id: String, reason: String)]
    }

    public static func note(from tsv: AnkiTSV, title: String, existingIds: Set<String>) -> Result {
        var text = "---\ntitle: \(title)\n---\n# \(title)\n"
        var imported: [String] = []
        var skipped: [(String, String)] = []
        var used = existingIds
        for row in tsv.rows {
            let id = cardId(for: row.guid)
            if used.contains(id) {
                skipped.append((id, "a card with this id already exists"))
                continue
            }
            let front = row.front.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !front.isEmpty else {
                skipped.append((id, "empty front"))
                continue
            }
            used.insert(id)
            imported.append(id)
            text += "\n" + callout(id: id, front: front, back: row.back.trimmingCharacters(in: .whitespacesAndNewlines), tags: row.tags)
        }
        return Result(markdown: text, imported: imported, skipped: skipped)
    }

    static func cardId(for guid: String) -> String {
        if CardID.problem(with: guid) == nil { return guid }
        let cleaned = String(guid.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        return "anki-" + (cleaned.isEmpty ? String(UInt(bitPattern: guid.hashValue), radix: 36) : cleaned)
    }

    /// `> [!card] first paragraph {#id tags=…}`, further question blocks and `---` when the front has
    /// several paragraphs, then the back.
    static func callout(id: String, front: String, back: String, tags: [String]) -> String {
        let paragraphs = front.components(separatedBy: "\n\n")
        let firstParagraph = (paragraphs.first ?? "").replacingOccurrences(of: "\n", with: " ")
        let attribute = "{#\(id)" + (tags.isEmpty ? "" : " tags=" + tags.joined(separator: ",")) + "}"
        var lines = ["[!card] \(firstParagraph) \(attribute)"]
        let rest = paragraphs.dropFirst().joined(separator: "\n\n")
        if !rest.isEmpty {
            lines += [""] + rest.components(separatedBy: "\n") + ["", "---"]
        }
        if !back.isEmpty { lines += [""] + back.components(separatedBy: "\n") }
        return lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n"
    }
}
