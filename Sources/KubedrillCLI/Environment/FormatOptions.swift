import ArgumentParser
import Foundation

/// `--format text|json`, shared by every command whose output a program may read.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

public struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text for people, json for programs.")
    public var format: OutputFormat = .text

    public init() {}

    public var isJSON: Bool { format == .json }
}

/// Writes any Encodable value as pretty, key-sorted JSON (stable output for scripts and tests).
public enum JSONOutput {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
