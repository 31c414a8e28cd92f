import Foundation
import Study
import Terminal

/// Everything a command may touch outside its arguments: output sinks, terminal facts, the process
/// environment and the paths chosen at start-up. Tests build one with captured sinks and run
/// commands in-process; the binary builds one from the real process.
public final class CommandEnvironment: @unchecked Sendable {
    public var out: TextSink
    public var err: TextSink
    /// Lines typed by the user while a command runs (quiz answers); nil when there is no input.
    public var input: LineInput?
    /// The process environment (`NO_COLOR`, `PAGER`, `XDG_DATA_HOME`, `KUBEDRILL_HOME`…).
    public var variables: [String: String]
    public var stdoutIsTerminal: Bool
    public var stdinIsTerminal: Bool
    public var terminalWidth: Int
    public var terminalHeight: Int
    /// `--home` and `--content` given when the REPL started; commands typed in it inherit them.
    public var homeOverride: String?
    public var contentOverride: String?
    /// True while commands run inside the REPL (they then never page or exit the process).
    public var inREPL = false
    private var libraries: [String: ContentLibrary] = [:]

    public init(out: TextSink, err: TextSink, input: LineInput? = nil, variables: [String: String],
                stdoutIsTerminal: Bool, stdinIsTerminal: Bool, terminalWidth: Int = 80, terminalHeight: Int = 24) {
        self.out = out
        self.err = err
        self.input = input
        self.variables = variables
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
    }

    /// The environment of this process: real descriptors, real terminal size.
    public static func process() -> CommandEnvironment {
        let size = TerminalInfo.size(of: 1)
        return CommandEnvironment(out: TextSink(fileDescriptor: 1), err: TextSink(fileDescriptor: 2),
                                  input: StandardInput(), variables: ProcessInfo.processInfo.environment,
                                  stdoutIsTerminal: TerminalInfo.isTerminal(1), stdinIsTerminal: TerminalInfo.isTerminal(0),
                                  terminalWidth: size?.columns ?? 80, terminalHeight: size?.rows ?? 24)
    }

    /// A captured environment for tests: no terminal, no colour, fixed width.
    public static func captured(variables: [String: String] = [:], input: [String] = [], width: Int = 80) -> CommandEnvironment {
        CommandEnvironment(out: TextSink(), err: TextSink(), input: ScriptedInput(input), variables: variables,
                           stdoutIsTerminal: false, stdinIsTerminal: false, terminalWidth: width)
    }

    /// Colour only on a terminal and never when `NO_COLOR` is set to anything non-empty (no-color.org).
    public var usesColor: Bool {
        stdoutIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty
    }

    public var style: Style { Style(enabled: usesColor) }

    /// The environment commands run in; the REPL and tests bind it with `$current.withValue`.
    @TaskLocal public static var current: CommandEnvironment = .process()

    /// Loads the notes under `directory` once per session; the REPL reuses them between commands.
    public func library(at directory: URL) -> ContentLibrary {
        let key = directory.standardizedFileURL.path
        if let cached = libraries[key] { return cached }
        let library = ContentLoader.load(directory: directory)
        libraries[key] = library
        return library
    }

    /// Forgets loaded notes, so edits on disk are seen (`reload` in the REPL).
    public func forgetLibraries() { libraries.removeAll() }
}

/// A source of typed lines for commands that ask questions (quiz).
public protocol LineInput: AnyObject {
    /// The next line without its newline, or nil at end of input.
    func readLine(prompt: String) -> String?
}

/// Reads the process's standard input.
public final class StandardInput: LineInput {
    public init() {}
    public func readLine(prompt: String) -> String? {
        if !prompt.isEmpty, TerminalInfo.isTerminal(0) { TextSink(fileDescriptor: 1).write(prompt) }
        return Swift.readLine(strippingNewline: true)
    }
}

/// Lines given in advance, for tests.
public final class ScriptedInput: LineInput {
    private var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}
