import ArgumentParser
import KubeSim

/// `replace -f pod.yaml [--force]`: the whole object is replaced; with --force it is deleted and
/// created again, the way to change a Pod's immutable fields (kubectl replace, v1.33: --force
/// waits until the old object is gone, here on the virtual clock).
struct ReplaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replace", abstract: "Replace objects from files; --force deletes and recreates them (kubectl replace).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Option(name: [.customShort("f"), .customLong("filename")], help: ArgumentHelp("A manifest file or a directory of them.", valueName: "path"))
    var files: [String] = []

    @Flag(help: "Delete the objects and create them again (pods restart; immutable fields may change).")
    var force = false

    @Option(name: .customLong("grace-period"), help: "With --force: seconds a pod gets to stop (0: at once).")
    var gracePeriod: Int64?

    /// How long --force waits for the old object to go, as kubectl's --timeout default would allow.
    static let deletionWait: Int64 = 600

    func validate() throws {
        if files.isEmpty { throw ValidationError("must specify --filename to replace") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: true) { cluster in
            for manifest in try files.flatMap({ try ManifestInput.objects(atPath: $0) }) {
                var object = manifest.object
                if object.isNamespaced, (object.meta.namespace ?? "").isEmpty {
                    var meta = object.meta
                    meta.namespace = namespaces.current
                    object.meta = meta
                }
                let kind = ResourceName.forKind(object.kind)
                if force {
                    if cluster.get(object.key) != nil {
                        try cluster.delete(object.key, gracePeriod: gracePeriod)
                        env.out.line(SimSession.quotedName(kind, object.key.name) + " deleted")
                        var waited: Int64 = 0
                        while cluster.get(object.key) != nil, waited < Self.deletionWait {
                            try cluster.advance(by: .seconds(1))
                            waited += 1
                        }
                    }
                    _ = try cluster.create(object)
                } else {
                    _ = try cluster.replace(object)
                }
                env.out.line("\(SimSession.displayName(kind, object.key.name)) replaced")
            }
        }
    }
}
