import Foundation
import KubeModel

/// A manifest that failed validation: every problem with its place, as `kubedrill validate`
/// reports them (same `ManifestValidator` code path).
public struct ManifestRejection: Error, Sendable, CustomStringConvertible {
    public struct Problem: Codable, Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        public var path: String
        public var message: String

        public init(file: String, line: Int, column: Int, path: String, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.path = path
            self.message = message
        }
    }

    public var problems: [Problem]

    /// `web.yaml:7:14: spec.containers[0].image: Required value`, one per line.
    public var description: String {
        problems.map { "\($0.file):\($0.line):\($0.column): \($0.path.isEmpty ? "" : $0.path + ": ")\($0.message)" }.joined(separator: "\n")
    }
}

/// One object read from a manifest file, with where it came from.
public struct ManifestObject: Sendable {
    public var object: KubeObject
    public var file: String
    public var line: Int
}

public enum ManifestInput {
    /// Validates `text` and returns its objects in document order, or throws every problem.
    public static func objects(fromYAML text: String, file: String) throws -> [ManifestObject] {
        try collect(ManifestValidator().validate(text: text, file: file))
    }

    /// Reads a file, or every `.yaml`/`.yml`/`.json` file of a directory in name order
    /// (`kubectl apply -f dir/` takes them in lexical order).
    public static func objects(atPath path: String) throws -> [ManifestObject] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ManifestRejection(problems: [.init(file: path, line: 0, column: 0, path: "", message: "the path \"\(path)\" does not exist")])
        }
        let files: [String]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        var results: [DocumentResult] = []
        for file in files { results += ManifestValidator().validate(fileAt: file) }
        return try collect(results)
    }

    private static func collect(_ results: [DocumentResult]) throws -> [ManifestObject] {
        var problems: [ManifestRejection.Problem] = []
        var objects: [ManifestObject] = []
        for result in results {
            for issue in result.issues {
                problems.append(.init(file: result.file, line: issue.line, column: issue.column, path: issue.path, message: issue.message))
            }
            if result.issues.isEmpty {
                guard let object = result.object else {
                    problems.append(.init(file: result.file, line: result.mark.line, column: result.mark.column, path: "kind",
                                          message: "kind \(result.kind ?? "?") of \(result.apiVersion ?? "?") is not simulated by kubedrill"))
                    continue
                }
                objects.append(ManifestObject(object: object, file: result.file, line: result.mark.line))
            }
        }
        if !problems.isEmpty { throw ManifestRejection(problems: problems) }
        return objects
    }
}

extension Cluster {
    /// `kubectl apply -f`: validates everything first, then applies in order; returns
    /// kubectl's lines (`pod/web created`).
    @discardableResult
    public func apply(yaml text: String, file: String = "<stdin>") throws -> [String] {
        try apply(ManifestInput.objects(fromYAML: text, file: file))
    }

    @discardableResult
    public func apply(_ manifests: [ManifestObject]) throws -> [String] {
        var lines: [String] = []
        for manifest in manifests {
            let outcome: ApplyOutcome
            do {
                outcome = try apply(manifest.object)
            } catch var error as APIError {
                error.file = manifest.file
                error.line = manifest.line
                error.operation = get(manifest.object.with({ var meta = manifest.object.meta; if manifest.object.isNamespaced, (meta.namespace ?? "").isEmpty { meta.namespace = "default" }; return meta }()).key) == nil ? "creating" : "patching"
                throw error
            }
            lines.append("\(manifest.object.kind.lowercased())\(Self.groupSuffix(manifest.object.kind))/\(manifest.object.meta.name ?? "") \(outcome.rawValue)")
        }
        return lines
    }

    /// kubectl names objects `deployment.apps/web`, `pod/web`.
    static func groupSuffix(_ kind: String) -> String {
        let group = ResourceName.forKind(kind).group
        return group.isEmpty ? "" : ".\(group)"
    }
}
