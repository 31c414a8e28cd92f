#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C inside the shell: a flag set by the SIGINT handler, read by the line editor and by long
/// operations, which stop at the next check and return to the prompt.
public enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false
    /// True while the line editor waits for input; there Ctrl-C only abandons the line.
    nonisolated(unsafe) public static var isReadingLine: sig_atomic_t = 0

    public static var isRequested: Bool { flag != 0 }
    public static func clear() { flag = 0 }
    public static func request() { flag = 1 }

    /// Throws `CancellationError` if Ctrl-C was pressed since the operation began.
    public static func check() throws {
        if isRequested { throw CancellationError() }
    }

    /// The first Ctrl-C asks the running command to stop at its next check; a second one, while the
    /// command still runs, ends the process (a command that never checks cannot trap the user).
    /// Only async-signal-safe calls here.
    private static func handleSignal() {
        if flag != 0, isReadingLine == 0 {
            let message = "\nkubedrill: interrupted\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(130)
        }
        flag = 1
    }

    /// Installs the handler without SA_RESTART, so a blocking read returns EINTR and sees the flag.
    public static func installHandler() {
        guard !installed else { return }
        installed = true
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupt.handleSignal() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupt.handleSignal() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
