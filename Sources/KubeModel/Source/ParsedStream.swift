/// A problem found while reading text, before any Kubernetes rule: YAML syntax, invalid UTF-8,
/// a limit exceeded, a duplicate key.
public struct SourceProblem: Error, Sendable, Equatable {
    public var mark: SourceMark
    public var message: String

    public init(mark: SourceMark, message: String) {
        self.mark = mark
        self.message = message
    }
}

/// One non-empty document of a YAML stream.
public struct ParsedDocument: Sendable {
    /// 1-based position among the stream's non-empty documents (kubectl skips empty ones too).
    public var number: Int
    public var root: YAMLNode
    /// Problems that do not stop reading, such as a key set twice in one mapping.
    public var problems: [SourceProblem]
}

/// Everything read from one text: the documents before any fatal problem, and that problem.
public struct ParsedStream: Sendable {
    public var documents: [ParsedDocument]
    /// A problem that stopped reading (syntax error, limit); documents after it were not read.
    public var fatal: SourceProblem?
}
