import ArgumentParser
import KubeSim

/// `logs <pod> [-c container] [--previous]`.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a container's output (kubectl logs).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The pod (pod/web works too).", valueName: "pod"))
    var pod: String

    @Option(name: [.short, .long], help: "The container (default: the first).")
    var container: String?

    @Flag(name: [.short, .long], help: "The previous, terminated instance of the container.")
    var previous = false

    func run() throws {
        let env = CommandEnvironment.current
        let name = pod.hasPrefix("pod/") ? String(pod.dropFirst(4)) : pod
        try SimSession.with(global, mutating: false) { cluster in
            if container == nil, let containers = cluster.get(.pod(name, namespace: namespaces.current))?.pod?.spec?.containers, containers.count > 1 {
                env.err.line("Defaulted container \"\(containers[0].name)\" out of: \(containers.map(\.name).joined(separator: ", "))")
            }
            try cluster.logs(pod: name, namespace: namespaces.current, container: container, previous: previous).forEach(env.out.line)
        }
    }
}
