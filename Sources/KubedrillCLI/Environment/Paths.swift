import Foundation

/// A failure the user can act on; printed as `kubedrill: <message>` with exit code 1.
public struct UserError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The data directory: `--home`, `$KUBEDRILL_HOME`, `$XDG_DATA_HOME/kubedrill`, `~/.local/share/kubedrill`.
public enum DataDirectory {
    public static func path(explicit: String?, variables: [String: String]) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: expandTilde(explicit, variables)) }
        if let home = variables["KUBEDRILL_HOME"], !home.isEmpty { return URL(fileURLWithPath: expandTilde(home, variables)) }
        // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = variables["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("kubedrill")
        }
        let userHome = variables["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: userHome).appendingPathComponent(".local/share/kubedrill")
    }

    /// Resolves and creates the directory.
    public static func resolve(explicit: String?, variables: [String: String]) throws -> URL {
        let url = path(explicit: explicit, variables: variables)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw UserError("cannot create data directory \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    static func expandTilde(_ path: String, _ variables: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (variables["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}

/// Finds the notes: `--content`, `$KUBEDRILL_CONTENT`, an installed `share/kubedrill/Content` next to
/// the binary, or the package's own `Content/` (for `swift run` and tests).
public enum ContentLocator {
    public static func resolve(explicit: String?, variables: [String: String]) throws -> URL {
        if let explicit, !explicit.isEmpty {
            let url = URL(fileURLWithPath: DataDirectory.expandTilde(explicit, variables))
            guard isDirectory(url) else { throw UserError("content directory \(url.path) does not exist") }
            return url
        }
        if let fromEnv = variables["KUBEDRILL_CONTENT"], !fromEnv.isEmpty {
            let url = URL(fileURLWithPath: fromEnv)
            guard isDirectory(url) else { throw UserError("KUBEDRILL_CONTENT=\(fromEnv) is not a directory") }
            return url
        }
        if let bundled = bundledContent() { return bundled }
        throw UserError("no Content/ directory found; pass --content DIR")
    }

    /// The repository root this binary was built from (for `Content/` and `Exercises/`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)  // …/Sources/KubedrillCLI/Environment/Paths.swift
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func bundledContent() -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/kubedrill/Content")
        if isDirectory(installed) { return installed }
        let package = packageRoot.appendingPathComponent("Content")
        return isDirectory(package) ? package : nil
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
