import ArgumentParser
import KubeSim

/// `delete <kind> <name>… | -f file`: background cascading deletion by default; `--cascade=foreground`
/// keeps the owner until its blocking dependents are gone.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete objects; dependents follow (before the owner with --cascade=foreground) unless --cascade=orphan (kubectl delete).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind and names: pod web, pods/web.", valueName: "kind name"))
    var words: [String] = []

    @Option(name: [.customShort("f"), .customLong("filename")], help: ArgumentHelp("Delete the objects a manifest describes.", valueName: "path"))
    var files: [String] = []

    @Option(name: .long, help: "background (default), foreground or orphan: what happens to dependents.")
    var cascade: String = "background"

    @Option(name: .customLong("grace-period"), help: "Seconds a pod gets to stop (0: at once).")
    var gracePeriod: Int64?

    func validate() throws {
        guard CascadeMode(rawValue: cascade) != nil else {
            throw ValidationError("invalid cascade value (\(cascade)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        if words.isEmpty, files.isEmpty { throw ValidationError("You must provide one or more resources by argument or filename.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let mode = CascadeMode(rawValue: cascade) ?? .background
        try SimSession.with(global, mutating: true) { cluster in
            var keys: [ObjectKey] = []
            for manifest in try files.flatMap({ try ManifestInput.objects(atPath: $0) }) {
                var key = manifest.object.key
                if manifest.object.isNamespaced, key.namespace.isEmpty { key = ObjectKey(kind: key.kind, namespace: namespaces.current, name: key.name) }
                keys.append(key)
            }
            if !words.isEmpty {
                let target = try SimSession.target(words)
                keys += target.names.map { SimSession.key(target.kind, $0, namespace: namespaces.current) }
            }
            for key in keys {
                try cluster.delete(key, cascade: mode, gracePeriod: gracePeriod)
                env.out.line(SimSession.quotedName(ResourceName.forKind(key.kind), key.name) + " deleted")
            }
        }
    }
}
