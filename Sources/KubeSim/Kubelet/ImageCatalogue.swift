/// The images the simulated registry knows, with how their default process behaves.
/// Tags are those published on Docker Hub for each repository (a representative subset);
/// ports and served paths are the images' documented defaults (nginx serves `/` on 80,
/// httpd `/` on 80, redis 6379, postgres 5432, mysql 3306, mongo 27017).
public struct ImageProfile: Sendable {
    public enum Entrypoint: Sendable {
        /// A server that runs until stopped and listens on `ports`.
        case server(ports: [Int32], paths: [String])
        /// `sh` with no terminal: reads end-of-input and exits 0 at once (busybox, alpine).
        case shell
        /// stress-style tool driven by its arguments.
        case stress
    }

    public var repository: String
    public var tags: Set<String>
    public var entrypoint: Entrypoint
    /// Resident memory of the default process, in MiB (the behaviour model's memory use).
    public var memoryMiB: Int64
    /// Compressed size, for the `Pulled` event and pull duration.
    public var sizeBytes: Int64
    /// Whether PID 1 exits on SIGTERM; `sh` ignores it, so such containers wait out the grace period.
    public var stopsOnSIGTERM: Bool
    /// Environment variables without which the default process exits 1 (postgres, mysql).
    public var requiredEnvironment: [[String]]
    /// The first log line and exit when `requiredEnvironment` is not met.
    public var missingEnvironmentLog: [String]
    /// Commands the image ships (`sh`, `sleep`…): anything else fails to start.
    public var binaries: Set<String>

    static let busyboxBinaries: Set<String> = ["sh", "sleep", "echo", "cat", "true", "false", "env", "printenv", "date", "ls", "wget", "touch", "rm", "nc", "ping", "nslookup", "top", "tail", "hostname", "/bin/sh", "/bin/sleep", "/bin/echo"]
}

public enum ImageCatalogue {
    /// Registries that need a pull secret: anything not on Docker Hub, registry.k8s.io, quay.io or ghcr.io.
    public static let publicRegistries: Set<String> = ["docker.io", "registry.k8s.io", "quay.io", "ghcr.io", "gcr.io"]

    public static let profiles: [ImageProfile] = {
        let server = { (repository: String, tags: Set<String>, ports: [Int32], paths: [String], memory: Int64, size: Int64) in
            ImageProfile(repository: repository, tags: tags, entrypoint: .server(ports: ports, paths: paths), memoryMiB: memory, sizeBytes: size,
                         stopsOnSIGTERM: true, requiredEnvironment: [], missingEnvironmentLog: [], binaries: ImageProfile.busyboxBinaries)
        }
        var postgres = server("library/postgres", ["latest", "17", "16", "15", "14", "16-alpine", "17-alpine"], [5432], [], 30, 150_000_000)
        postgres.requiredEnvironment = [["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"]]
        postgres.missingEnvironmentLog = ["Error: Database is uninitialized and superuser password is not specified.",
                                          "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
                                          "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\"."]
        var mysql = server("library/mysql", ["latest", "8.4", "8.0", "9.1", "lts"], [3306], [], 360, 170_000_000)
        mysql.requiredEnvironment = [["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"]]
        mysql.missingEnvironmentLog = ["2026-01-01 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
                                       "    You need to specify one of the following as an environment variable:",
                                       "    - MYSQL_ROOT_PASSWORD", "    - MYSQL_ALLOW_EMPTY_PASSWORD", "    - MYSQL_RANDOM_ROOT_PASSWORD"]
        let shell = { (repository: String, tags: Set<String>, size: Int64) in
            ImageProfile(repository: repository, tags: tags, entrypoint: .shell, memoryMiB: 1, sizeBytes: size, stopsOnSIGTERM: false,
                         requiredEnvironment: [], missingEnvironmentLog: [], binaries: ImageProfile.busyboxBinaries)
        }
        return [
            server("library/nginx", ["latest", "1.29", "1.28", "1.27", "1.26", "1.25", "1.24", "1.29-alpine", "1.28-alpine", "1.27-alpine", "1.26-alpine", "1.25-alpine", "alpine", "stable", "mainline", "1.27.3", "1.25.3"], [80], ["/", "/index.html"], 8, 70_000_000),
            server("library/httpd", ["latest", "2.4", "2.4-alpine", "alpine"], [80], ["/", "/index.html"], 10, 58_000_000),
            server("library/redis", ["latest", "7", "7.4", "7.2", "alpine", "7-alpine"], [6379], [], 6, 45_000_000),
            postgres, mysql,
            server("library/mongo", ["latest", "8.0", "7.0", "6.0"], [27017], [], 150, 260_000_000),
            server("kubedrill/web", ["1.0", "2.0", "latest"], [8080], ["/", "/healthz", "/ready"], 20, 12_000_000),
            server("kubedrill/api", ["1.0", "1.1", "2.0", "latest"], [8080], ["/", "/healthz", "/ready", "/api"], 40, 18_000_000),
            server("registry.k8s.io/e2e-test-images/agnhost", ["2.39", "2.40", "2.52"], [80, 8080], ["/", "/healthz"], 10, 50_000_000),
            server("registry.example.com/team/app", ["1.0", "2.0"], [8080], ["/", "/healthz"], 30, 20_000_000),
            shell("library/busybox", ["latest", "1.36", "1.37", "1.35", "stable", "musl", "glibc", "1.28"], 2_200_000),
            shell("library/alpine", ["latest", "3.20", "3.21", "3.19", "3"], 3_600_000),
            shell("library/ubuntu", ["latest", "24.04", "22.04", "noble", "jammy"], 29_000_000),
            ImageProfile(repository: "polinux/stress", tags: ["latest", "1.0.4"], entrypoint: .stress, memoryMiB: 1, sizeBytes: 4_000_000,
                         stopsOnSIGTERM: true, requiredEnvironment: [], missingEnvironmentLog: [], binaries: ["stress", "sh", "sleep"]),
        ]
    }()

    /// The profile of an image, if the registry has that repository; nil for unknown repositories.
    public static func profile(for reference: ImageReference) -> ImageProfile? {
        let name = reference.registry == "docker.io" ? reference.repository : "\(reference.registry)/\(reference.repository)"
        return profiles.first { $0.repository == name }
    }

    /// Whether `reference` names an existing image (repository and tag; any digest is accepted).
    public static func exists(_ reference: ImageReference) -> Bool {
        guard let profile = profile(for: reference) else { return false }
        return reference.digest != nil || profile.tags.contains(reference.tag)
    }

    public static func needsCredentials(_ reference: ImageReference) -> Bool {
        !publicRegistries.contains(reference.registry)
    }
}
