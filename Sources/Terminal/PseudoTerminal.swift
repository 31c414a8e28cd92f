import CEditLine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started on a new pseudo-terminal, as a user's shell would start it: its own session,
/// the terminal as its controlling tty (so Ctrl-C raises SIGINT). Used to test the interactive
/// shell for real and to time start-up to the first prompt.
public final class PseudoTerminalProcess {
    public let pid: pid_t
    private let master: Int32
    public private(set) var output = ""

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(executable: String, arguments: [String], environment: [String: String],
                columns: UInt16 = 80, rows: UInt16 = 24) throws {
        // Close-on-exec: processes other threads spawn meanwhile must not hold our terminal.
        let master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw SpawnError(description: "cannot open a pseudo-terminal")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        // Opened after setsid(), so the slave becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A fresh session with default signal handling and nothing blocked, as a login shell gives:
        // a test runner's threads may block or ignore SIGINT, and children inherit both.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(KD_POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        self.master = master
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types `text` into the terminal.
    public func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads output until `marker` appears after `from`; returns the index just past it, or nil
    /// when `timeout` passes first. Chaining the returned index orders the waits.
    @discardableResult
    public func waitFor(_ marker: String, after from: String.Index? = nil, timeout: TimeInterval = 30) -> String.Index? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let searchStart = from ?? output.startIndex
            if let found = output[searchStart...].range(of: marker) { return found.upperBound }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            _ = readAvailable(waitMilliseconds: Int32(min(remaining, 0.2) * 1000))
        }
    }

    /// Waits until the program has put the terminal in raw mode (ICANON off), as a line editor
    /// does while it reads a line: keys sent before that would be read as a cooked line.
    /// Returns false on timeout.
    public func waitForRawMode(timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            var settings = termios()
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return true }
            _ = readAvailable(waitMilliseconds: 10)
        }
        return false
    }

    /// Waits for the program to end; returns its exit status, or nil on timeout.
    public func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            _ = readAvailable(waitMilliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return nil
    }

    /// Appends whatever the program wrote; false when nothing came within the wait.
    private func readAvailable(waitMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        output += String(decoding: buffer[0..<count], as: UTF8.self)
        return true
    }
}
