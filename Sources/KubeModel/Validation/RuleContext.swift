/// Where semantic rules put their findings. Rules name a field path in upstream notation; the
/// context finds where that field (or its nearest written parent) is in the file.
public struct RuleContext {
    let marks: [String: SourceMark]
    let rootMark: SourceMark
    public private(set) var issues: [ManifestIssue] = []

    init(marks: [String: SourceMark], rootMark: SourceMark) {
        self.marks = marks
        self.rootMark = rootMark
    }

    /// The position of `path`, or of the closest parent written in the file.
    func mark(for path: String) -> SourceMark {
        var current = Substring(path)
        while !current.isEmpty {
            if let mark = marks[String(current)] { return mark }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return marks[""] ?? rootMark
    }

    /// True when the file sets `path` (rules skip fields the schema layer already reported missing).
    func wasWritten(_ path: String) -> Bool { marks[path] != nil }

    mutating func add(_ path: String, _ message: String) {
        issues.append(ManifestIssue(mark: mark(for: path), path: path, message: message))
    }

    /// `field.Invalid`: `Invalid value: "x": detail`.
    mutating func invalid(_ path: String, _ value: String, _ detail: String) {
        add(path, "Invalid value: \"\(value)\": \(detail)")
    }

    /// `field.Invalid` with a number, which upstream prints unquoted.
    mutating func invalid(_ path: String, number value: Int64, _ detail: String) {
        add(path, "Invalid value: \(value): \(detail)")
    }

    /// `field.Required`: `Required value` or `Required value: detail`.
    mutating func required(_ path: String, _ detail: String = "") {
        add(path, detail.isEmpty ? "Required value" : "Required value: \(detail)")
    }

    /// `field.NotSupported`: `Unsupported value: "x": supported values: "a", "b"`.
    mutating func unsupported(_ path: String, _ value: String, _ supported: [String]) {
        add(path, "Unsupported value: \"\(value)\": supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    /// `field.Forbidden`: `Forbidden: detail`.
    mutating func forbidden(_ path: String, _ detail: String) {
        add(path, "Forbidden: \(detail)")
    }

    /// `field.Duplicate`: `Duplicate value: "x"`.
    mutating func duplicate(_ path: String, _ value: String) {
        add(path, "Duplicate value: \"\(value)\"")
    }
}
