/// An image reference split as the container runtime reads it (github.com/distribution/reference):
/// `nginx` is `docker.io/library/nginx:latest`; a first component with a `.` or `:` or equal to
/// `localhost` is a registry host.
public struct ImageReference: Equatable, Sendable {
    public var registry: String
    public var repository: String
    public var tag: String
    public var digest: String?

    public init(_ text: String) {
        // Slices of the text, not split components joined again, searched byte by byte (the
        // separators are ASCII): every status write parses one.
        var rest = Substring(text)
        digest = nil
        if let at = rest.utf8.firstIndex(of: UInt8(ascii: "@")) {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var path = rest
        registry = "docker.io"
        if let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/")) {
            let first = rest[..<slash]
            if first.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }) || first == "localhost" {
                registry = String(first)
                path = rest[rest.index(after: slash)...]
            }
        }
        tag = "latest"
        if let colon = path.utf8.lastIndex(of: UInt8(ascii: ":")) {
            tag = String(path[path.index(after: colon)...])
            path = path[..<colon]
        }
        repository = registry == "docker.io" && !path.utf8.contains(UInt8(ascii: "/")) ? "library/" + path : String(path)
    }

    /// `docker.io/library/nginx:1.27`, the name containerd reports in pull errors.
    public var fullName: String { "\(registry)/\(repository):\(tag)" }

    /// The repository without the `library/` prefix Docker Hub adds (`nginx`, `polinux/stress`).
    public var shortRepository: String {
        repository.hasPrefix("library/") ? String(repository.dropFirst("library/".count)) : repository
    }
}
