import ArgumentParser
import KubeSim

/// `describe <kind> <name>`: details and events, as kubectl describe prints them.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Show an object's details and its events (kubectl describe).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind and names: pod web, node/worker-1.", valueName: "kind name"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.target(words)
        try SimSession.with(global, mutating: false) { cluster in
            if target.kind.kind == "Endpoints" { env.err.line("Warning: " + EndpointsText.deprecationWarning) }
            let objects = target.names.isEmpty
                ? cluster.store.list(kind: target.kind.kind, namespace: target.kind.isNamespaced ? namespaces.current : nil)
                : try target.names.map { name in
                    let key = SimSession.key(target.kind, name, namespace: namespaces.current)
                    guard let object = cluster.get(key) else { throw APIError.notFound(key) }
                    return object
                }
            env.out.write(objects.map { DescribeText.describe($0, in: cluster.store) }.joined(separator: "\n\n"))
        }
    }
}
