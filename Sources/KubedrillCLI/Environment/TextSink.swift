#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes its text. The binary writes to a file descriptor; tests and the REPL's
/// pipe mode capture into a buffer, so commands never call `print` directly.
public final class TextSink: TextOutputStream, @unchecked Sendable {
    private let descriptor: Int32?
    public private(set) var captured = ""

    /// A sink that writes straight to a file descriptor (1 for stdout, 2 for stderr).
    public init(fileDescriptor: Int32) { descriptor = fileDescriptor }
    /// A sink that keeps everything written, for tests.
    public init() { descriptor = nil }

    public func write(_ string: String) {
        guard let descriptor else {
            captured += string
            return
        }
        var bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #else
                Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe (`| head`) is not an error worth crashing for
            }
            offset += written
        }
    }

    /// Writes `line` and a newline.
    public func line(_ line: String = "") { write(line + "\n") }
}
