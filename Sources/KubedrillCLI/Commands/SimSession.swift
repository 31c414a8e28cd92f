import ArgumentParser
import Foundation
import KubeModel
import KubeSim

/// The one simulated cluster commands act on: kept in memory by the REPL (so every line sees the
/// same cluster) and saved as `cluster.json` in the data directory, so commands run from a shell
/// share it too.
enum SimSession {
    /// Clusters loaded in this process, by data directory (the REPL's session). Commands run
    /// in-process on several threads at once (tests, the benchmarks), so the table is locked.
    nonisolated(unsafe) private static var loaded: [String: Cluster] = [:]
    private static let loadedLock = NSLock()

    private static func loadedCluster(_ path: String) -> Cluster? {
        loadedLock.withLock { loaded[path] }
    }

    private static func remember(_ cluster: Cluster, _ path: String) {
        loadedLock.withLock { loaded[path] = cluster }
    }

    static func file(_ global: GlobalOptions) throws -> URL {
        try global.dataDirectory().appendingPathComponent("cluster.json")
    }

    /// The current cluster: from memory, else from `cluster.json`, else a fresh default cluster.
    static func cluster(_ global: GlobalOptions) throws -> Cluster {
        let url = try file(global)
        if let cluster = loadedCluster(url.path) { return cluster }
        var cluster = Cluster()
        if let data = FileManager.default.contents(atPath: url.path) {
            do { cluster = try Cluster.load(json: data) } catch {
                throw UserError("cannot read the saved cluster \(url.path) (\(error)); run `cluster reset` to start a new one")
            }
        }
        remember(cluster, url.path)
        return cluster
    }

    static func save(_ cluster: Cluster, _ global: GlobalOptions) throws {
        let url = try file(global)
        remember(cluster, url.path)
        try cluster.savedJSON().write(to: url, options: .atomic)
    }

    /// Runs `body` on the cluster, saves it afterwards when `mutating`, and turns API errors into
    /// kubectl-worded user errors.
    static func with<T>(_ global: GlobalOptions, mutating: Bool, _ body: (Cluster) throws -> T) throws -> T {
        let cluster = try cluster(global)
        do {
            let result = try body(cluster)
            if mutating { try save(cluster, global) }
            return result
        } catch let error as APIError {
            if mutating { try? save(cluster, global) }
            throw UserError(error.description)
        } catch let error as RolloutError {
            if mutating { try? save(cluster, global) }
            throw UserError(error.description)
        } catch let error as ManifestRejection {
            throw UserError("error validating data:\n" + error.description)
        }
    }

    /// `pods`, `pod/web`, `deploy web` → the kind and the names asked for.
    static func target(_ words: [String]) throws -> (kind: ResourceName, names: [String]) {
        guard let first = words.first else { throw ValidationError("You must specify the type of resource to get.") }
        if first.contains("/") {
            let parts = first.split(separator: "/", maxSplits: 1).map(String.init)
            guard let kind = ResourceName.resolve(parts[0]) else { throw UserError("error: the server doesn't have a resource type \"\(parts[0])\"") }
            return (kind, [parts[1]] + words.dropFirst().map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        }
        guard let kind = ResourceName.resolve(first) else { throw UserError("error: the server doesn't have a resource type \"\(first)\"") }
        return (kind, Array(words.dropFirst()))
    }

    /// One named object from `deploy/web` or `deploy web` (the words rollout, scale and set take).
    static func single(_ words: [String], namespace: String) throws -> (kind: ResourceName, key: ObjectKey) {
        let target = try target(words)
        guard let name = target.names.first else { throw ValidationError("required resource not specified") }
        return (target.kind, key(target.kind, name, namespace: namespace))
    }

    /// `deployment.apps/web`: how kubectl names an object in its one-line results.
    static func displayName(_ kind: ResourceName, _ name: String) -> String {
        "\(kind.kind.lowercased())\(kind.group.isEmpty ? "" : "." + kind.group)/\(name)"
    }

    /// `deployment.apps "web"`: how kubectl names an object it deleted.
    static func quotedName(_ kind: ResourceName, _ name: String) -> String {
        "\(kind.kind.lowercased())\(kind.group.isEmpty ? "" : "." + kind.group) \"\(name)\""
    }

    static func key(_ kind: ResourceName, _ name: String, namespace: String) -> ObjectKey {
        ObjectKey(kind: kind.kind, namespace: kind.isNamespaced ? namespace : "", name: name)
    }
}

/// `-n/--namespace` and `-A/--all-namespaces`, as kubectl spells them.
struct NamespaceOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The namespace (default: default).")
    var namespace: String?

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "List objects of every namespace.")
    var allNamespaces = false

    var current: String { namespace ?? "default" }
}
