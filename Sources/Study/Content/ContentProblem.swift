/// Something wrong in a content file, reported as `file:line:column: severity: message`.
public struct ContentProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var file: String
    public var line: Int
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var location: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
