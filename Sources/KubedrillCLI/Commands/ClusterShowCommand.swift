import ArgumentParser
import KubeSim
import Terminal

/// `cluster show`: the clock and the nodes.
struct ClusterShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the virtual time and the nodes.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: false) { cluster in
            env.out.line("Time: \(cluster.now.seconds)s (\(cluster.now.rfc3339))")
            let rows = cluster.store.nodes.map { node -> [String] in
                let labels = node.metadata.labels ?? [:]
                return [node.metadata.name ?? "", node.isReady ? "Ready" : "NotReady", labels["topology.kubernetes.io/zone"] ?? "<none>",
                        node.status?.allocatable?["cpu"]?.description ?? "", node.status?.allocatable?["memory"]?.description ?? "",
                        node.status?.allocatable?["pods"]?.description ?? "",
                        (node.spec?.taints ?? []).map { "\($0.key)\($0.value.map { "=\($0)" } ?? ""):\($0.effect)" }.joined(separator: ",").isEmpty ? "<none>" : (node.spec?.taints ?? []).map { "\($0.key):\($0.effect)" }.joined(separator: ",")]
            }
            env.out.write(Table.columns(header: ["NAME", "STATUS", "ZONE", "CPU", "MEMORY", "PODS", "TAINTS"], rows: rows))
        }
    }
}
