/// An image reference split as the container runtime reads it (github.com/distribution/reference):
/// `nginx` is `docker.io/library/nginx:latest`; a first component with a `.` or `:` or equal to
/// `localhost` is a registry host.
public struct ImageReference: Equatable, Sendable {
    public var registry: String
    public var repository: String
    public var tag: String
    public var digest: String?

    public init(_ text: String) {
        var rest = text
        digest = nil
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = String(rest[..<at])
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.count > 1, let first = components.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            components.removeFirst()
        } else {
            registry = "docker.io"
        }
        var path = components.joined(separator: "/")
        tag = "latest"
        if let colon = path.lastIndex(of: ":") {
            tag = String(path[path.index(after: colon)...])
            path = String(path[..<colon])
        }
        if registry == "docker.io", !path.contains("/") { path = "library/" + path }
        repository = path
    }

    /// `docker.io/library/nginx:1.27`, the name containerd reports in pull errors.
    public var fullName: String { "\(registry)/\(repository):\(tag)" }

    /// The repository without the `library/` prefix Docker Hub adds (`nginx`, `polinux/stress`).
    public var shortRepository: String {
        repository.hasPrefix("library/") ? String(repository.dropFirst("library/".count)) : repository
    }
}
