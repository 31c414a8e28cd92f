import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on `<database>.lock`, held while one process checks,
/// moves aside or migrates the review database.
///
/// GRDB's migrator is safe within a process, not across processes: two shells opening a new
/// history at the same moment could both run "Create reviewLog" (one then fails with "table
/// reviewLog already exists"), and the damaged-file check could catch the other's half-made file.
/// The kernel drops the lock if the process dies, so kill -9 never leaves it stuck.
final class OpenLock {
    private let descriptor: Int32

    init(for database: URL) throws {
        let path = database.path + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ReviewStoreError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ReviewStoreError("cannot lock \(path): \(reason)")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
