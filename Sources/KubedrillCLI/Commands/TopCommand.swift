import ArgumentParser
import KubeModel
import KubeSim
import Terminal

/// `top pods|nodes`: usage from the behaviour model, in kubectl top's columns.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "Show CPU and memory use of pods or nodes (kubectl top).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: "pods or nodes.")
    var what: String

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: false) { cluster in
            let running = cluster.store.pods.filter { $0.status?.phase == "Running" }
            switch ResourceName.resolve(what)?.kind {
            case "Pod":
                let pods = running.filter { namespaces.allNamespaces || $0.metadata.namespace == namespaces.current }
                let rows = pods.map { pod -> [String] in
                    let usage = cluster.usage(of: pod)
                    return (namespaces.allNamespaces ? [pod.metadata.namespace ?? ""] : []) + [pod.metadata.name ?? "", "\(usage.cpuMilli)m", "\(usage.memoryBytes / 1_048_576)Mi"]
                }
                env.out.write(Table.columns(header: (namespaces.allNamespaces ? ["NAMESPACE"] : []) + ["NAME", "CPU(cores)", "MEMORY(bytes)"], rows: rows))
            case "Node":
                let rows = cluster.store.nodes.map { node -> [String] in
                    let pods = running.filter { $0.spec?.nodeName == node.metadata.name }
                    let cpu = pods.reduce(Int64(0)) { $0 + cluster.usage(of: $1).cpuMilli }
                    let memory = pods.reduce(Int64(0)) { $0 + cluster.usage(of: $1).memoryBytes }
                    let cpuTotal = max(node.status?.allocatable?["cpu"]?.milliValue ?? 1, 1), memoryTotal = max(node.status?.allocatable?["memory"]?.value ?? 1, 1)
                    return [node.metadata.name ?? "", "\(cpu)m", "\(cpu * 100 / cpuTotal)%", "\(memory / 1_048_576)Mi", "\(memory * 100 / memoryTotal)%"]
                }
                env.out.write(Table.columns(header: ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"], rows: rows))
            default:
                throw ValidationError("top takes pods or nodes")
            }
        }
    }
}
