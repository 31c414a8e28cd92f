import Foundation

/// The one code path every part of kubedrill uses to check students' YAML: `validate`, the
/// simulator's `apply`, exercise and content lint. Layers, all errors reported:
/// 1. YAML (syntax, UTF-8, limits, duplicate keys); 2. apiVersion/kind; 3. strict structure
/// (unknown fields, types, required); 4. the API server's own validation rules.
public struct ManifestValidator: Sendable {
    public var schema: KubeSchema
    public var reader: YAMLReader

    public init(schema: KubeSchema = .bundled, limits: ParseLimits = .default) {
        self.schema = schema
        self.reader = YAMLReader(limits: limits)
    }

    /// Validates every document of `text`. Lines in the results are shifted by `lineOffset`, so a
    /// YAML block starting on line 12 of a Markdown note reports lines of the note (pass 11).
    public func validate(text: String, file: String, lineOffset: Int = 0) -> [DocumentResult] {
        var bytes = Array(text.utf8)
        return validate(bytes: &bytes, file: file, lineOffset: lineOffset)
    }

    /// Validates raw file bytes (UTF-8 is checked, not assumed).
    public func validate(bytes: inout [UInt8], file: String, lineOffset: Int = 0) -> [DocumentResult] {
        let stream = reader.read(bytes: &bytes)
        var results = stream.documents.map { validate(document: $0, file: file) }
        if let fatal = stream.fatal {
            results.append(DocumentResult(file: file, document: stream.documents.count + 1, mark: fatal.mark,
                                          issues: [ManifestIssue(mark: fatal.mark, path: "", message: fatal.message)]))
        }
        if lineOffset != 0 {
            for index in results.indices {
                results[index].mark = results[index].mark.shifted(byLines: lineOffset)
                for issue in results[index].issues.indices { results[index].issues[issue].line += lineOffset }
            }
        }
        return results
    }

    /// Validates one parsed document.
    public func validate(document: ParsedDocument, file: String) -> DocumentResult {
        let root = document.root
        var result = DocumentResult(file: file, document: document.number, mark: root.mark, issues: [], root: root)
        result.issues = document.problems.map { ManifestIssue(mark: $0.mark, path: "", message: $0.message) }
        guard root.entries != nil else {
            result.issues.append(ManifestIssue(mark: root.mark, path: "",
                message: "invalid type: got \(root.value.typeName), expected object (a manifest is a mapping with apiVersion and kind)"))
            return result
        }
        result.apiVersion = root["apiVersion"]?.string
        result.kind = root["kind"]?.string
        result.name = root["metadata"]?["name"]?.string ?? root["metadata"]?["generateName"]?.string
        guard let apiVersion = result.apiVersion, let kind = result.kind, !apiVersion.isEmpty, !kind.isEmpty else {
            // kubectl: "error validating data: [apiVersion not set, kind not set]"
            if result.apiVersion?.isEmpty ?? true {
                result.issues.append(ManifestIssue(mark: root["apiVersion"]?.mark ?? root.mark, path: "apiVersion", message: "apiVersion not set"))
            }
            if result.kind?.isEmpty ?? true {
                result.issues.append(ManifestIssue(mark: root["kind"]?.mark ?? root.mark, path: "kind", message: "kind not set"))
            }
            return result
        }
        let info: KindInfo
        switch KindCheck.check(apiVersion: apiVersion, kind: kind, schema: schema) {
        case .modelled(let found): info = found
        case .servedButNotModelled: return result
        case .rejected(let message):
            let mark = root["apiVersion"]?.mark ?? root.mark
            result.issues.append(ManifestIssue(mark: mark, path: "apiVersion", message: message))
            return result
        }
        var structural = StructuralValidator(schema: schema)
        structural.run(root, typeName: info.typeName)
        result.issues += structural.issues
        if let object = KubeObject.decode(apiVersion: apiVersion, kind: kind, tree: root) {
            result.object = object
            var context = RuleContext(marks: structural.marks, rootMark: root.mark)
            SemanticRules.check(object, &context)
            // A field the structural layer already refused is not judged again (its decoded value is a stand-in).
            let refused = structural.issues.map(\.path)
            result.issues += context.issues.filter { issue in
                !refused.contains { issue.path == $0 || issue.path.hasPrefix($0 + ".") || issue.path.hasPrefix($0 + "[") }
            }
        }
        result.issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return result
    }

    /// Reads and validates a file (`-` is standard input, as `kubectl apply -f -` reads it); a
    /// file that cannot be read yields one result with the reason.
    public func validate(fileAt path: String, displayName: String? = nil) -> [DocumentResult] {
        let name = displayName ?? path
        let contents = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data = contents else {
            return [DocumentResult(file: name, document: 1, mark: .start,
                                   issues: [ManifestIssue(mark: .start, path: "", message: "cannot read \(path)")])]
        }
        var bytes = [UInt8](data)
        return validate(bytes: &bytes, file: name)
    }
}
