import KubedrillSupport
import ArgumentParser
import KubeModel
import KubeSim

/// `set env deploy/web MODE=fast DEBUG-` or `set env deploy/web --from=configmap/settings`.
struct SetEnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "env", abstract: "Set or remove environment variables of a workload's containers (kubectl set env).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object (deploy/web or deploy web), then KEY=value to set and KEY- to remove.", valueName: "kind/name KEY=value"))
    var words: [String] = []

    @Option(name: [.short, .customLong("containers")], help: ArgumentHelp("The containers to change (a * glob).", valueName: "name"))
    var containers = "*"

    @Option(help: ArgumentHelp("A configmap/<name> or secret/<name> whose keys become variables.", valueName: "kind/name"))
    var from: String?

    @Option(help: ArgumentHelp("A prefix for the variables --from adds.", valueName: "prefix"))
    var prefix = ""

    func run() throws {
        let env = CommandEnvironment.current
        let targetWords = words.first?.contains("/") == true ? 1 : 2
        let target = try SimSession.single(Array(words.prefix(targetWords)), namespace: namespaces.current)
        var set: [EnvVar] = []
        var remove: [String] = []
        for word in words.dropFirst(targetWords) {
            if word.hasSuffix("-"), !word.contains("=") {
                remove.append(String(word.dropLast()))
                continue
            }
            guard let (name, value) = KeyValue.split(word) else { throw ValidationError("environment variables must be of the form key=value and can only consist of alphanumeric characters, dashes, underscores and dots: \(word)") }
            var variable = EnvVar()
            variable.name = name
            variable.value = value
            set.append(variable)
        }
        try SimSession.with(global, mutating: true) { cluster in
            if let from {
                let source = try SimSession.single([from], namespace: namespaces.current)
                guard let object = cluster.get(source.key) else { throw APIError.notFound(source.key) }
                guard let added = Cluster.environment(from: object, prefix: prefix) else { throw UserError("--from must be a configmap or a secret, not \(from)") }
                set = added + set
            }
            if set.isEmpty && remove.isEmpty { throw UserError("at least one environment variable must be provided") }
            if try cluster.setEnv(target.key, containers: containers, set: set, remove: remove) {
                env.out.line("\(SimSession.displayName(target.kind, target.key.name)) env updated")
            }
        }
    }
}
