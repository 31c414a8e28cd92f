import ArgumentParser
import KubeSim

/// `annotate <kind> <name> key=value… key-`.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "annotate", abstract: "Set or remove annotations (kubectl annotate).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind, name, then key=value to set or key- to remove.", valueName: "kind name key=value"))
    var words: [String] = []

    @Flag(name: .long, help: "Replace existing values.")
    var overwrite = false

    func run() throws {
        try MetadataEdit.run(words, namespace: namespaces.current, global: global, verb: "annotated") { cluster, key, changes in
            try cluster.annotate(key, changes, overwrite: overwrite)
        }
    }
}
