import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one attempt to read a line gave.
public enum LineReadResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was abandoned; the shell goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Completion of the word under the cursor: `line` is the text up to the cursor; the result is the
/// candidates that replace its last word.
public typealias Completion = (_ line: String) -> [String]

/// An interactive line editor over libedit: emacs keys, history saved to a file, tab completion.
///
/// libedit calls back through C function pointers that cannot capture context, so the one active
/// editor is kept in `LineEditor.active`; a process has one terminal and one shell.
public final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private let completion: Completion
    fileprivate var prompt: UnsafeMutablePointer<CChar>?

    nonisolated(unsafe) fileprivate static var active: LineEditor?

    /// Starts libedit on the process's terminal. `historyFile` is loaded now and saved after every line.
    public init(programName: String, historyFile: String?, completion: @escaping Completion) {
        self.historyFile = historyFile
        self.completion = completion
        editLine = el_init(programName, stdin, stdout, stderr)
        history = history_init()
        kd_history_set_size(history, 1000)
        kd_history_set_unique(history, 1)
        if let historyFile { kd_history_load(history, historyFile) }
        kd_el_set_history(editLine, history)
        kd_el_set_editor(editLine, "emacs")
        // We handle SIGINT ourselves so Ctrl-C abandons the line instead of leaving the shell.
        kd_el_set_signal(editLine, 0)
        kd_el_set_prompt(editLine, promptCallback, 1)
        kd_el_set_getc(editLine, readCharacterCallback)
        kd_el_add_function(editLine, "kd-complete", "Complete the word under the cursor", completeCallback)
        kd_el_bind(editLine, "^I", "kd-complete")
        el_source(editLine, nil)  // the user's ~/.editrc, as every libedit program reads it
        LineEditor.active = self
        Interrupt.installHandler()
    }

    deinit {
        if LineEditor.active === self { LineEditor.active = nil }
        free(prompt)
        el_end(editLine)
        history_end(history)
    }

    /// Reads one line, showing `prompt`. Non-empty lines go into the history file at once, so a
    /// killed session keeps what was typed.
    public func readLine(prompt text: String) -> LineReadResult {
        free(prompt)
        prompt = strdup(Self.markInvisible(text))
        Interrupt.clear()
        var count: Int32 = 0
        Interrupt.isReadingLine = 1
        let raw = el_gets(editLine, &count)
        Interrupt.isReadingLine = 0
        guard let raw, count > 0 else {
            if Interrupt.isRequested {
                Interrupt.clear()
                el_reset(editLine)
                fputs("^C\n", stdout)
                fflush(stdout)
                return .interrupted
            }
            fputs("\n", stdout)
            return .endOfInput
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        if !line.trimmingCharacters(in: " ").isEmpty {
            kd_history_enter(history, String(line.trimmingCharacters(in: " ")))
            if let historyFile { kd_history_save(history, historyFile) }
        }
        return .line(line)
    }

    fileprivate func candidates(for line: String) -> [String] { completion(line) }

    /// Wraps each ANSI escape sequence in \u{1} bytes, which libedit skips when it measures the
    /// prompt, so a coloured prompt does not push the cursor too far right.
    static func markInvisible(_ prompt: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" {
                inEscape = true
                out += "\u{1}"
            }
            out.unicodeScalars.append(scalar)
            if inEscape, scalar.properties.isAlphabetic, scalar != "[" {
                inEscape = false
                out += "\u{1}"
            }
        }
        return out
    }
}

private extension String {
    func trimmingCharacters(in character: Character) -> Substring {
        var s = Substring(self)
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return s
    }
}

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { _ in
    LineEditor.active?.prompt
}

/// Reads one character from the terminal, decoding UTF-8. Unlike libedit's own reader it gives up
/// when SIGINT arrives, which is how Ctrl-C abandons the line.
private let readCharacterCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { _, out in
    func readByte() -> Int? {
        var byte: UInt8 = 0
        while true {
            // SIGINT may have come while libedit was busy redrawing, not blocked in read().
            if Interrupt.isRequested { return -1 }
            let n = read(0, &byte, 1)
            if n == 1 { return Int(byte) }
            if n == 0 { return nil }
            if errno == EINTR {
                if Interrupt.isRequested { return -1 }
                continue
            }
            return -1
        }
    }
    guard let first = readByte() else { return 0 }
    if first < 0 { return -1 }
    var scalar = UInt32(first)
    var extra = 0
    if first >= 0xF0 { scalar = UInt32(first & 0x07); extra = 3 }
    else if first >= 0xE0 { scalar = UInt32(first & 0x0F); extra = 2 }
    else if first >= 0xC0 { scalar = UInt32(first & 0x1F); extra = 1 }
    for _ in 0..<extra {
        guard let next = readByte(), next >= 0 else { return -1 }
        scalar = (scalar << 6) | UInt32(next & 0x3F)
    }
    out?.pointee = wchar_t(bitPattern: scalar)
    return 1
}

/// Tab: complete the word under the cursor; list the choices when there are several.
private let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editLine, let editor = LineEditor.active, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let length = info.cursor - info.buffer
    let bytes = UnsafeRawBufferPointer(start: info.buffer, count: max(0, length)).map { UInt8($0) }
    let line = String(decoding: bytes, as: UTF8.self)
    let word = String(line.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
    let candidates = editor.candidates(for: line).filter { $0.hasPrefix(word) }
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let common = CompletionText.commonPrefix(candidates)
    if candidates.count == 1 {
        let suffix = String(common.dropFirst(word.count)) + (common.hasSuffix("/") ? "" : " ")
        el_insertstr(editLine, suffix)
        return UInt8(CC_REFRESH)
    }
    if common.count > word.count {
        el_insertstr(editLine, String(common.dropFirst(word.count)))
        return UInt8(CC_REFRESH)
    }
    let width = TerminalInfo.size(of: 1)?.columns ?? 80
    fputs("\n" + CompletionText.columns(candidates, width: width), stdout)
    return UInt8(CC_REDISPLAY)
}

/// Text layout for completion lists; separate from libedit so it can be tested.
public enum CompletionText {
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates in columns, as shells list them.
    public static func columns(_ words: [String], width: Int) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var out = ""
        for (index, word) in words.enumerated() {
            out += word.padding(toLength: cell, withPad: " ", startingAt: 0)
            if index % perRow == perRow - 1 || index == words.count - 1 {
                while out.hasSuffix(" ") { out.removeLast() }
                out += "\n"
            }
        }
        return out
    }
}
