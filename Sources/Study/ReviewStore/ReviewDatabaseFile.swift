import Foundation
import GRDB

/// Opens the review database safely. A file that is not SQLite, a damaged one, or a SQLite file of
/// some other program is never written to: it is renamed `reviews.sqlite.corrupt-<timestamp>`
/// (with its `-wal`/`-shm` companions) and a new, empty history is started, with a notice saying so.
/// A database written by a newer kubedrill is refused, not moved: it is not damaged.
enum ReviewDatabaseFile {
    struct Opened {
        var queue: DatabaseQueue
        /// Said to the user before anything else (a file was moved aside).
        var notice: String?
    }

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func configuration() -> Configuration {
        var config = Configuration()
        config.journalMode = .wal
        // Another kubedrill (a second REPL) may hold the write lock for a moment: wait, don't fail.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // A committed rating must survive power loss too, not only kill -9.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Stats scan the whole log: mapped pages spare a read() copy of every page.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return config
    }

    static func open(_ url: URL, now: Date) throws -> Opened {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = try OpenLock(for: url)
        defer { withExtendedLifetime(lock) {} }
        var notice: String?
        if let reason = problem(with: url) {
            notice = try moveAside(url, reason: reason, now: now)
        }
        do {
            return Opened(queue: try migrated(url), notice: notice)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            guard notice == nil else { throw error }
            notice = try moveAside(url, reason: "SQLite reports it damaged (\(error.message ?? "\(error.resultCode)"))", now: now)
            return Opened(queue: try migrated(url), notice: notice)
        }
    }

    private static func migrated(_ url: URL) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: url.path, configuration: configuration())
        try refuseNewer(queue, url: url)
        try ReviewMigrations.migrator.migrate(queue)
        return queue
    }

    /// A database migrated by a newer kubedrill would be misread by this one: stop and say so.
    static func refuseNewer(_ queue: DatabaseQueue, url: URL) throws {
        let applied = try queue.read { try ReviewMigrations.migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(ReviewMigrations.knownNames)
        if !unknown.isEmpty {
            throw ReviewStoreError("\(url.path) was written by a newer kubedrill (schema \(unknown.sorted().joined(separator: ", "))); update kubedrill to use it. The file was left untouched.")
        }
    }

    /// Why the existing file must not be used, or nil when it is ours (or absent).
    ///
    /// Cheap enough for every start (the header, the schema, the migrations table): a full
    /// `PRAGMA quick_check` reads the whole file, seconds for a million reviews, so it is left to
    /// `kubedrill doctor`.
    static func problem(with url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return nil }
        guard Array(header) == sqliteHeader else { return "it is not a SQLite database" }
        do {
            var config = Configuration()
            config.readonly = true
            // Another shell may be writing: wait for it like the real open does.
            config.busyMode = .timeout(10)
            let probe = try DatabaseQueue(path: url.path, configuration: config)
            defer { try? probe.close() }
            return try probe.read { db -> String? in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if tables.isEmpty { return nil }
                guard tables.contains("grdb_migrations") else {
                    return "it is a SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", ")))"
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                if !Set(applied).isSubset(of: ReviewMigrations.knownNames) && applied.contains("Create reviewLog") {
                    return nil  // newer kubedrill: the migrator refuses below, the file stays where it is
                }
                return applied.contains("Create reviewLog") || applied.isEmpty ? nil
                    : "it is a SQLite database of another program (migrations: \(applied.prefix(3).joined(separator: ", ")))"
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            // Busy is about another process, never about the file: moving it aside would hide a
            // healthy history. The real open below waits or reports the lock.
            return nil
        } catch {
            return "SQLite cannot read it (\(error))"
        }
    }

    /// SQLite's own consistency check of every page (`doctor`): "ok" or the problems found.
    static func integrityProblems(_ queue: DatabaseQueue) throws -> [String] {
        let result = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
        return result == ["ok"] ? [] : result
    }

    /// Renames the file (and its WAL and shared-memory files) to a free `.corrupt-<timestamp>` name.
    static func moveAside(_ url: URL, reason: String, now: Date) throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: now).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let manager = FileManager.default
        var target = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).corrupt-\(stamp)")
        var counter = 2
        while manager.fileExists(atPath: target.path) {
            target = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).corrupt-\(stamp)-\(counter)")
            counter += 1
        }
        do {
            try manager.moveItem(at: url, to: target)
        } catch {
            throw ReviewStoreError("\(url.path) cannot be used (\(reason)) and could not be moved aside: \(error.localizedDescription). Move it yourself and run again.")
        }
        for suffix in ["-wal", "-shm"] {
            let companion = URL(fileURLWithPath: url.path + suffix)
            if manager.fileExists(atPath: companion.path) {
                try? manager.moveItem(at: companion, to: URL(fileURLWithPath: target.path + suffix))
            }
        }
        return "\(url.lastPathComponent) could not be used: \(reason). It was moved aside to \(target.lastPathComponent) (nothing was deleted) and a new review history was started."
    }
}

/// A review-store failure with a message the user can act on.
public struct ReviewStoreError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
