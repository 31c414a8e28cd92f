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

    public static var isRequested: Bool { flag != 0 }
    public static func clear() { flag = 0 }
    public static func request() { flag = 1 }

    /// Throws `CancellationError` if Ctrl-C was pressed since the operation began.
    public static func check() throws {
        if isRequested { throw CancellationError() }
    }

    /// Installs the handler without SA_RESTART, so a blocking read returns EINTR and sees the flag.
    public static func installHandler() {
        guard !installed else { return }
        installed = true
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupt.request() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
