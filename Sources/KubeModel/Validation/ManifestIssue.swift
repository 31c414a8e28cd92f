/// One problem in a manifest, where it is and what Kubernetes would say about it.
public struct ManifestIssue: Sendable, Equatable, Codable {
    public var line: Int
    public var column: Int
    /// The field path in upstream's notation (`spec.template.spec.containers[0].image`); empty for
    /// problems of the document as a whole (YAML syntax).
    public var path: String
    public var message: String

    public init(mark: SourceMark, path: String, message: String) {
        self.line = mark.line
        self.column = mark.column
        self.path = path
        self.message = message
    }

    public var mark: SourceMark { SourceMark(line: line, column: column) }
}

/// The verdict on one YAML document.
public struct DocumentResult: Sendable {
    public var file: String
    /// 1-based among the file's non-empty documents.
    public var document: Int
    public var apiVersion: String?
    public var kind: String?
    public var name: String?
    /// Where the document starts (its root node), for messages about the whole document.
    public var mark: SourceMark
    public var issues: [ManifestIssue]
    /// The typed object, when the kind is modelled and the document decoded (also when invalid:
    /// invalid fields are left out).
    public var object: KubeObject?
    /// The document as parsed, positions included.
    public var root: YAMLNode?

    public var isValid: Bool { issues.isEmpty }
}
