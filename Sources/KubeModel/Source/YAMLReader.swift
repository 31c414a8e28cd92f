import CYaml

/// Reads a multi-document YAML (or JSON) text into `YAMLNode` trees with libyaml's event API,
/// applying go-yaml v2's resolution rules and the limits in `ParseLimits`.
///
/// It is iterative (an explicit stack), so deep nesting cannot overflow the call stack, and aliases
/// share storage while their expanded size is counted, so a billion-laughs file is refused after a
/// few thousand events.
public struct YAMLReader: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .default) {
        self.limits = limits
    }

    /// Parses `text`. Never throws: problems come back in the stream.
    public func read(_ text: String) -> ParsedStream {
        var bytes = Array(text.utf8)
        return read(bytes: &bytes)
    }

    /// Parses raw file bytes, first checking size and UTF-8.
    public func read(bytes: inout [UInt8]) -> ParsedStream {
        if bytes.count > limits.maxBytes {
            return ParsedStream(documents: [], fatal: SourceProblem(mark: .start,
                message: "file is \(bytes.count) bytes, larger than the \(limits.maxBytes)-byte limit"))
        }
        if let bad = UTF8Check.firstInvalid(in: bytes) {
            return ParsedStream(documents: [], fatal: SourceProblem(mark: bad,
                message: "invalid UTF-8: the file must be UTF-8 text"))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(limits: limits)
            return builder.run(buffer)
        }
    }
}

/// The stack machine behind `YAMLReader`.
private struct TreeBuilder {
    let limits: ParseLimits

    private enum Frame {
        case list(mark: SourceMark, anchor: String?, items: [YAMLNode], size: Int)
        case map(mark: SourceMark, anchor: String?, entries: [YAMLEntry], pendingKey: (String, SourceMark)?,
                 size: Int, merged: [YAMLEntry], seen: Set<String>)
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var documents: [ParsedDocument] = []
    private var problems: [SourceProblem] = []
    private var decodeCount = 0
    private var aliasCount = 0
    private var documentRoot: YAMLNode?

    init(limits: ParseLimits) { self.limits = limits }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> ParsedStream {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return ParsedStream(documents: [], fatal: SourceProblem(mark: .start, message: "cannot start the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return ParsedStream(documents: documents, fatal: Self.syntaxProblem(parser))
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            if let fatal = handle(event) { return ParsedStream(documents: documents, fatal: fatal) }
        }
        return ParsedStream(documents: documents, fatal: nil)
    }

    /// libyaml's problem and context, as `yaml: line N: …` texts read in kubectl ("did not find expected key").
    static func syntaxProblem(_ parser: yaml_parser_t) -> SourceProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let context = parser.context.map { String(cString: $0) }
        let mark = SourceMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        let message = context.map { "\($0): \(problem)" } ?? problem
        return SourceProblem(mark: mark, message: "YAML syntax error: " + message)
    }

    private static func mark(_ event: yaml_event_t) -> SourceMark {
        SourceMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        if let length {
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        return String(cString: pointer)
    }

    private mutating func handle(_ event: yaml_event_t) -> SourceProblem? {
        let mark = Self.mark(event)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]; decodeCount = 0; aliasCount = 0; problems = []; documentRoot = nil
        case YAML_DOCUMENT_END_EVENT:
            if let root = documentRoot, !isNull(root) {
                documents.append(ParsedDocument(number: documents.count + 1, root: root, problems: problems))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.text(scalar.value, scalar.length) ?? ""
            let tag = Self.text(scalar.tag)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            if plain, tag == nil, text == "<<", isAwaitingKey {
                return complete(YAMLNode(.string("<<"), mark: mark), size: 1, anchor: nil, isMergeKey: true)
            }
            let node = YAMLNode(ScalarResolver.resolve(text, plain: plain, tag: tag), mark: mark)
            return complete(node, size: 1, anchor: Self.text(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                return SourceProblem(mark: mark, message: "unknown anchor '\(name)' referenced")
            }
            aliasCount += target.size
            decodeCount += target.size - 1
            if ParseLimits.isExcessiveAliasing(aliasCount: aliasCount, decodeCount: decodeCount + target.size)
                || decodeCount > limits.maxNodes {
                return SourceProblem(mark: mark, message: "document contains excessive aliasing")
            }
            return complete(YAMLNode(target.node.value, mark: mark), size: target.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            guard stack.count < limits.maxDepth else { return depthProblem(mark) }
            stack.append(.list(mark: mark, anchor: Self.text(event.data.sequence_start.anchor), items: [], size: 1))
        case YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else { return depthProblem(mark) }
            stack.append(.map(mark: mark, anchor: Self.text(event.data.mapping_start.anchor), entries: [],
                              pendingKey: nil, size: 1, merged: [], seen: []))
        case YAML_SEQUENCE_END_EVENT:
            guard case .list(let start, let anchor, let items, let size)? = stack.popLast() else { return nil }
            return complete(YAMLNode(.list(items), mark: start), size: size, anchor: anchor)
        case YAML_MAPPING_END_EVENT:
            guard case .map(let start, let anchor, var entries, _, let size, let merged, let seen)? = stack.popLast() else { return nil }
            // Merge keys (`<<: *base`): merged entries fill in keys the mapping does not set itself.
            for entry in merged where !seen.contains(entry.key) { entries.append(entry) }
            return complete(YAMLNode(.map(entries), mark: start), size: size, anchor: anchor)
        default:
            break
        }
        return nil
    }

    private var isAwaitingKey: Bool {
        if case .map(_, _, _, nil, _, _, _)? = stack.last { return true }
        return false
    }

    private func isNull(_ node: YAMLNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    private func depthProblem(_ mark: SourceMark) -> SourceProblem {
        SourceProblem(mark: mark, message: "nesting deeper than \(limits.maxDepth) levels")
    }

    /// Places a finished node into its parent (or makes it the document root).
    private mutating func complete(_ node: YAMLNode, size: Int, anchor: String?, isMergeKey: Bool = false) -> SourceProblem? {
        decodeCount += 1
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.popLast() else {
            documentRoot = node
            return nil
        }
        switch top {
        case .list(let mark, let listAnchor, var items, let total):
            items.append(node)
            stack.append(.list(mark: mark, anchor: listAnchor, items: items, size: total + size))
        case .map(let mark, let mapAnchor, var entries, let pendingKey, let total, var merged, var seen):
            if let (key, keyMark) = pendingKey {
                if key == "<<", isMergeMarker(keyMark) {
                    merged.append(contentsOf: mergeEntries(from: node))
                } else {
                    if seen.contains(key) {
                        // yaml.v2 UnmarshalStrict, used by the API server under strict field validation
                        // (kubectl's default): `line N: key "x" already set in map`.
                        problems.append(SourceProblem(mark: keyMark, message: "key \"\(key)\" already set in map"))
                        entries.removeAll { $0.key == key }
                    }
                    seen.insert(key)
                    entries.append(YAMLEntry(key: key, keyMark: keyMark, value: node))
                }
                stack.append(.map(mark: mark, anchor: mapAnchor, entries: entries, pendingKey: nil,
                                  size: total + size, merged: merged, seen: seen))
            } else {
                guard let key = ScalarResolver.jsonKey(for: node.value) else {
                    return SourceProblem(mark: node.mark, message: "unsupported map key of type \(node.value.typeName)")
                }
                if isMergeKey { mergeMarkers.insert(node.mark) }
                stack.append(.map(mark: mark, anchor: mapAnchor, entries: entries, pendingKey: (key, node.mark),
                                  size: total + size, merged: merged, seen: seen))
            }
        }
        return nil
    }

    private var mergeMarkers: Set<SourceMark> = []
    private func isMergeMarker(_ mark: SourceMark) -> Bool { mergeMarkers.contains(mark) }

    private func mergeEntries(from node: YAMLNode) -> [YAMLEntry] {
        switch node.value {
        case .map(let entries): return entries
        case .list(let items): return items.flatMap { $0.entries ?? [] }
        default: return []
        }
    }
}
