import ArgumentParser
import KubeSim

/// `label <kind> <name> key=value… key-`.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "label", abstract: "Set or remove labels (kubectl label).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind, name, then key=value to set or key- to remove.", valueName: "kind name key=value"))
    var words: [String] = []

    @Flag(name: .long, help: "Replace existing values.")
    var overwrite = false

    func run() throws {
        try MetadataEdit.run(words, namespace: namespaces.current, global: global, verb: "labeled") { cluster, key, changes in
            try cluster.label(key, changes, overwrite: overwrite)
        }
    }
}

/// Shared by `label` and `annotate`.
enum MetadataEdit {
    static func run(_ words: [String], namespace: String, global: GlobalOptions, verb: String,
                    _ edit: (Cluster, ObjectKey, [String]) throws -> Void) throws {
        let env = CommandEnvironment.current
        let target = try SimSession.target(Array(words.prefix(words.first?.contains("/") == true ? 1 : 2)))
        let changes = Array(words.dropFirst(words.first?.contains("/") == true ? 1 : 2))
        guard let name = target.names.first, !changes.isEmpty else { throw ValidationError("expected: kind name key=value [key=value…]") }
        try SimSession.with(global, mutating: true) { cluster in
            let key = SimSession.key(target.kind, name, namespace: namespace)
            try edit(cluster, key, changes)
            env.out.line("\(target.kind.kind.lowercased())/\(name) \(verb)")
        }
    }
}
