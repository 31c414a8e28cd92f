import KubedrillSupport
import Yams

/// The YAML block between `---` lines at the top of a note.
struct FrontMatter {
    var title: String?
    var topic: String?
    var tags: [String] = []
    var aliases: [String] = []
    /// Number of file lines the block occupies, fences included (0 when absent).
    var lineCount = 0

    static let knownKeys: Set<String> = ["title", "topic", "tags", "aliases", "exam", "order"]

    /// Splits `text` into front matter and body; problems are reported against `path`.
    static func split(_ text: String, path: String, problems: inout [ContentProblem]) -> (FrontMatter, body: String) {
        var front = FrontMatter()
        // Only the block's lines are split off; the body is cut from the text in one piece.
        var lines: [Substring] = []
        var rest = Substring(text)
        var close: Int?
        while !rest.isEmpty || lines.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            lines.append(line)
            rest = end == rest.endIndex ? "" : rest[rest.utf8.index(after: end)...]
            let bare = line.trimmingCharacters(in: .whitespaces)
            if lines.count == 1 {
                guard bare == "---" else { return (front, text) }
            } else if bare == "---" || bare == "..." {
                close = lines.count - 1
                break
            }
        }
        guard let close else {
            problems.append(ContentProblem(file: path, line: 1, message: "front matter opened with '---' is never closed"))
            return (front, text)
        }
        front.lineCount = close + 1
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = String(text.dropLines(close + 1))
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return (front, body) }
            guard let mapping = node.mapping else {
                problems.append(ContentProblem(file: path, line: 2, message: "front matter must be a mapping of keys to values"))
                return (front, body)
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                // Yams marks are 1-based; the block starts on the file's second line.
                let line = (keyNode.mark?.line ?? 0) + 1
                let column = keyNode.mark?.column
                switch key {
                case "title": front.title = value.string
                case "topic": front.topic = value.string
                case "tags": front.tags = stringList(value, key: key, path: path, line: line, problems: &problems)
                case "aliases": front.aliases = stringList(value, key: key, path: path, line: line, problems: &problems)
                case "exam":
                    front.tags += stringList(value, key: key, path: path, line: line, problems: &problems).map { $0.lowercased() }
                case "order": break
                default:
                    let hint = Suggest.closest(to: key, among: knownKeys).map { " (did you mean \"\($0)\"?)" } ?? ""
                    problems.append(ContentProblem(file: path, line: line, column: column,
                                                   message: "unknown front matter key \"\(key)\"\(hint)"))
                }
            }
        } catch let error as YamlError {
            problems.append(ContentProblem(file: path, line: yamlErrorLine(error) + 1, message: "bad front matter: \(yamlErrorSummary(error))"))
        } catch {
            problems.append(ContentProblem(file: path, line: 1, message: "bad front matter: \(error)"))
        }
        return (front, body)
    }

    private static func stringList(_ node: Node, key: String, path: String, line: Int,
                                   problems: inout [ContentProblem]) -> [String] {
        if let single = node.string { return [single] }
        if let sequence = node.sequence {
            return sequence.compactMap(\.string)
        }
        problems.append(ContentProblem(file: path, line: line, message: "front matter \"\(key)\" must be a list of strings"))
        return []
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line  // 1-based within the block, and the block starts on file line 2
        default: return 0
        }
    }

    private static func yamlErrorSummary(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }
}
