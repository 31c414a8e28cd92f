import ArgumentParser
import Foundation
import KubeModel
import Terminal

/// `validate <file>…`: checks manifests as the API server would, every error with file:line:col.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check Kubernetes manifests as the API server would.",
        discussion: """
            Reports every problem of every document: YAML syntax, unknown apiVersion/kind (removed APIs \
            name their replacement), unknown fields, wrong types, missing required fields and the API \
            server's own rules, each as file:line:col: field.path: message. Kubernetes v1.33. \
            Exit 0 when all documents are valid, 1 when any is not, 2 on usage errors.
            """)

    @Argument(help: ArgumentHelp("YAML or JSON files to check (several documents per file allowed).", valueName: "file"))
    var files: [String] = []

    @Flag(name: .long, help: "Print only problems, not a line per valid document.")
    var quiet = false

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name a file to check: validate <file>…") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let validator = ManifestValidator()
        var results: [DocumentResult] = []
        var sources: [String: [Substring]] = [:]
        for file in files {
            let fileResults = validator.validate(fileAt: file)
            results += fileResults
            if !output.isJSON, fileResults.contains(where: { !$0.isValid }),
               let data = FileManager.default.contents(atPath: file) {
                sources[file] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            }
        }
        if output.isJSON {
            env.out.line(try JSONOutput.string(results.map(ValidationReport.init)))
        } else {
            for result in results {
                ValidationText.print(result, source: sources[result.file], quiet: quiet, env: env)
            }
            let invalid = results.filter { !$0.isValid }.count
            let summary = "\(results.count) document\(results.count == 1 ? "" : "s") checked, \(invalid) invalid"
            env.out.line(invalid == 0 ? env.style.ok(summary) : env.style.error(summary))
        }
        if results.contains(where: { !$0.isValid }) { throw ExitCode.failure }
    }
}

/// One document in `--format json`: `{"file","document","apiVersion","kind","name","valid","errors"}`.
struct ValidationReport: Encodable {
    struct Problem: Encodable {
        var line: Int
        var column: Int
        var path: String
        var message: String
    }
    var file: String
    var document: Int
    var apiVersion: String?
    var kind: String?
    var name: String?
    var valid: Bool
    var errors: [Problem]

    init(_ result: DocumentResult) {
        file = result.file
        document = result.document
        apiVersion = result.apiVersion
        kind = result.kind
        name = result.name
        valid = result.isValid
        errors = result.issues.map { Problem(line: $0.line, column: $0.column, path: $0.path, message: $0.message) }
    }

    func encode(to encoder: Encoder) throws {
        enum Keys: String, CodingKey { case file, document, apiVersion, kind, name, valid, errors }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(file, forKey: .file)
        try container.encode(document, forKey: .document)
        try container.encode(apiVersion, forKey: .apiVersion)  // null rather than absent: a stable shape
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(valid, forKey: .valid)
        try container.encode(errors, forKey: .errors)
    }
}

/// Human output like kubectl's error lines, with the source line and a caret for YAML syntax errors.
enum ValidationText {
    static func print(_ result: DocumentResult, source: [Substring]?, quiet: Bool, env: CommandEnvironment) {
        let style = env.style
        if result.isValid {
            if !quiet {
                let what = [result.kind, result.name].compactMap { $0 }.joined(separator: "/")
                env.out.line("\(result.file): document \(result.document) \(what.isEmpty ? "" : "(\(what)) ")" + style.ok("valid"))
            }
            return
        }
        for issue in result.issues {
            let location = style.bold("\(result.file):\(issue.line):\(issue.column):")
            let path = issue.path.isEmpty ? "" : style.warning(issue.path) + ": "
            env.out.line("\(location) \(path)\(issue.message)")
            if issue.path.isEmpty, let source, issue.line >= 1, issue.line <= source.count {
                let text = String(source[issue.line - 1])
                env.out.line("    " + text)
                env.out.line("    " + String(repeating: " ", count: max(0, issue.column - 1)) + style.error("^"))
            }
        }
    }
}
