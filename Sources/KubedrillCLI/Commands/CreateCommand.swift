import ArgumentParser
import KubeSim

/// `create -f`: like apply, but an existing object is an error (kubectl create).
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create objects from files; fails if one exists (kubectl create -f).")

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("f"), .customLong("filename")], help: ArgumentHelp("A manifest file or a directory of them.", valueName: "path"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("must specify one of -f and -k") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: true) { cluster in
            for manifest in try files.flatMap({ try ManifestInput.objects(atPath: $0) }) {
                let created = try cluster.create(manifest.object)
                env.out.line("\(created.kind.lowercased())\(ResourceName.forKind(created.kind).group.isEmpty ? "" : "." + ResourceName.forKind(created.kind).group)/\(created.meta.name ?? "") created")
            }
        }
    }
}
