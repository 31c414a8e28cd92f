import KubeModel
import Markdown
import Study

/// Every ```yaml block in the notes is a manifest that passes the same validation as
/// `kubedrill validate`, reported at the note's own line and column.
///
/// The info string says when a block is not meant to pass: `yaml fragment` (a partial snippet,
/// skipped) or `yaml invalid` (a mistake shown on purpose, which must then really fail).
struct ManifestBlockChecker: ContentChecker {
    var name: String { "manifests" }
    let validator: ManifestValidator

    init(validator: ManifestValidator = ManifestValidator()) { self.validator = validator }

    static let languages: Set<String> = ["yaml", "yml"]

    func check(_ library: ContentLibrary) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for note in library.notes {
            note.document.walk { node in
                guard case .codeBlock(let info, let literal) = node.kind else { return }
                let words = info.split(separator: " ").map { $0.lowercased() }
                guard let language = words.first, Self.languages.contains(language), !words.contains("fragment") else { return }
                problems += check(block: literal, at: node.start, expectInvalid: words.contains("invalid"), in: note)
            }
        }
        return problems
    }

    private func check(block: String, at fence: SourcePosition, expectInvalid: Bool, in note: Note) -> [ContentProblem] {
        // The block's first line is the line after its opening fence; inside a card's block quote
        // cmark has already removed the `> ` prefix, which the column offset puts back.
        let results = validator.validate(text: block, file: note.path, lineOffset: fence.line)
        let columnOffset = fence.column - 1
        let issues = results.flatMap(\.issues)
        if expectInvalid {
            guard issues.isEmpty else { return [] }
            return [ContentProblem(file: note.path, line: fence.line, column: fence.column,
                                   message: "this block is marked `yaml invalid` but passes validation: show a real mistake or drop `invalid`")]
        }
        if results.isEmpty {
            return [ContentProblem(file: note.path, line: fence.line, column: fence.column,
                                   message: "empty yaml block: write a manifest or mark the block `yaml fragment`")]
        }
        return issues.enumerated().map { index, issue in
            let field = issue.path.isEmpty ? "" : "\(issue.path): "
            // The way out is said once per block, on its first problem.
            let hint = index == 0 ? " (mark the block `yaml fragment` if it is partial on purpose)" : ""
            return ContentProblem(file: note.path, line: issue.line, column: issue.column + columnOffset,
                                  message: "\(field)\(issue.message)\(hint)")
        }
    }
}
