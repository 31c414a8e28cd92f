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
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("environment variables must be of the form key=value and can only consist of alphanumeric characters, dashes, underscores and dots: \(word)") }
            var variable = EnvVar()
            variable.name = parts[0]
            variable.value = parts[1]
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

/// `set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m [-c main]`.
struct SetResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resources", abstract: "Set requests and limits of a workload's containers (kubectl set resources).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(name: [.short, .customLong("containers")], help: ArgumentHelp("The containers to change (a * glob).", valueName: "name"))
    var containers = "*"

    @Option(help: ArgumentHelp("Limits, comma-separated.", valueName: "cpu=200m,memory=512Mi"))
    var limits: String?

    @Option(help: ArgumentHelp("Requests, comma-separated.", valueName: "cpu=100m,memory=256Mi"))
    var requests: String?

    func validate() throws {
        if limits == nil && requests == nil { throw ValidationError("you must specify an update to requests or limits (in the form of --requests/--limits)") }
    }

    static func quantities(_ text: String?) throws -> [String: Quantity] {
        var values: [String: Quantity] = [:]
        for pair in (text ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let quantity = try? Quantity(parsing: parts[1]) else {
                throw UserError("invalid resource \"\(pair)\": expected name=quantity, such as cpu=200m or memory=512Mi")
            }
            values[parts[0]] = quantity
        }
        return values
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        let limitValues = try Self.quantities(limits), requestValues = try Self.quantities(requests)
        try SimSession.with(global, mutating: true) { cluster in
            if try cluster.setResources(target.key, containers: containers, limits: limitValues, requests: requestValues) {
                env.out.line("\(SimSession.displayName(target.kind, target.key.name)) resource requirements updated")
            }
        }
    }
}
