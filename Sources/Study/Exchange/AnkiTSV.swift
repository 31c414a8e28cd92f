import Foundation

/// Anki's "Notes in Plain Text" file: `#key:value` header lines, then tab-separated rows. Fields
/// holding a tab, a newline or a double quote are quoted CSV-style (quotes doubled), as Anki writes
/// and reads them. Our columns: card id as the GUID, front, back, tags (space-separated).
public struct AnkiTSV: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var guid: String
        public var front: String
        public var back: String
        public var tags: [String]
        public init(guid: String, front: String, back: String, tags: [String]) {
            self.guid = guid
            self.front = front
            self.back = back
            self.tags = tags
        }
    }

    public var rows: [Row]
    /// Whether fields are HTML (`#html:true`, Anki's default export); ours are markdown text.
    public var isHTML = false

    public init(rows: [Row], isHTML: Bool = false) {
        self.rows = rows
        self.isHTML = isHTML
    }

    public static let header = ["#separator:tab", "#html:false", "#guid column:1", "#tags column:4", "#columns:GUID\tFront\tBack\tTags"]

    public func text() -> String {
        var out = Self.header.joined(separator: "\n") + "\n"
        for row in rows {
            out += [row.guid, row.front, row.back, row.tags.joined(separator: " ")].map(Self.quoted).joined(separator: "\t") + "\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads a file in this format. Column positions come from the `#guid column:` and `#tags column:`
    /// headers when present (Anki's own exports), else ours; the first other two columns are front and back.
    public static func parse(_ text: String, file: String) throws -> AnkiTSV {
        var guidColumn = 1, tagsColumn = 4
        var metadataColumns: Set<Int> = []  // notetype, deck: not card text
        var isHTML = false
        var separator: Character = "\t"
        var body = Substring(text)
        var lineNumber = 1
        while body.hasPrefix("#") {
            let end = body.firstIndex(of: "\n") ?? body.endIndex
            let line = body[body.index(after: body.startIndex)..<end].trimmingCharacters(in: .whitespaces)
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 {
                switch parts[0].lowercased() {
                case "separator":
                    switch parts[1].lowercased() {
                    case "tab": separator = "\t"
                    case "comma": separator = ","
                    case "semicolon": separator = ";"
                    case "pipe": separator = "|"
                    case "space": separator = " "
                    default: if let first = parts[1].first { separator = first }
                    }
                case "html": isHTML = parts[1].lowercased() == "true"
                case "guid column": guidColumn = Int(parts[1]) ?? guidColumn
                case "tags column": tagsColumn = Int(parts[1]) ?? tagsColumn
                case "notetype column", "deck column": if let column = Int(parts[1]) { metadataColumns.insert(column) }
                default: break
                }
            }
            body = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
            lineNumber += 1
        }
        var rows: [Row] = []
        for (fields, line) in try records(body, separator: separator, file: file, firstLine: lineNumber) {
            guard fields.count >= max(guidColumn, tagsColumn, 3) else {
                throw ExchangeError("\(file):\(line): expected at least \(max(guidColumn, tagsColumn, 3)) columns, found \(fields.count)")
            }
            let others = fields.indices.filter { $0 != guidColumn - 1 && $0 != tagsColumn - 1 && !metadataColumns.contains($0 + 1) }
                .map { fields[$0] }
            var front = others.first ?? ""
            var back = others.dropFirst().first ?? ""
            if isHTML { front = HTMLText.plain(front); back = HTMLText.plain(back) }
            rows.append(Row(guid: fields[guidColumn - 1], front: front, back: back,
                            tags: fields[tagsColumn - 1].split(separator: " ").map(String.init)))
        }
        return AnkiTSV(rows: rows, isHTML: false)
    }

    /// Splits the body into records of fields, honouring quotes; returns each with its first line.
    static func records(_ body: Substring, separator: Character, file: String, firstLine: Int) throws -> [([String], Int)] {
        var records: [([String], Int)] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine, recordLine = firstLine
        var index = body.startIndex
        var inQuotes = false, atFieldStart = true
        while index < body.endIndex {
            let character = body[index]
            index = body.index(after: index)
            if inQuotes {
                if character == "\"" {
                    if index < body.endIndex, body[index] == "\"" { field.append("\""); index = body.index(after: index) } else { inQuotes = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case separator:
                fields.append(field); field = ""; atFieldStart = true
            case "\r\n", "\n":
                fields.append(field); field = ""; atFieldStart = true
                if fields != [""] { records.append((fields, recordLine)) }
                fields = []
                line += 1
                recordLine = line
            default:
                field.append(character)
                atFieldStart = false
            }
        }
        if inQuotes { throw ExchangeError("\(file):\(recordLine): a quoted field is never closed; check for a stray \"") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((fields, recordLine))
        }
        return records
    }
}

/// The little HTML Anki puts in fields, turned back into text.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "<br/>", with: "\n")
            .replacingOccurrences(of: "<br />", with: "\n").replacingOccurrences(of: "</div>", with: "\n")
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { out.append(character) }
        }
        text = out
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// An export or import failure naming the file and line.
public struct ExchangeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
