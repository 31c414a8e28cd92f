import ArgumentParser
import KubeSim

/// kubectl's node verbs as kubectl spells them: `cordon`, `uncordon`, `drain`, `taint nodes`.
struct CordonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cordon", abstract: "Mark a node unschedulable (kubectl cordon).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The node's name.") var name: String
    func run() throws { try NodeCommand.perform("cordon", on: name, global: global) }
}

struct UncordonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "uncordon", abstract: "Mark a node schedulable again (kubectl uncordon).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The node's name.") var name: String
    func run() throws { try NodeCommand.perform("uncordon", on: name, global: global) }
}

/// `drain worker-1 --ignore-daemonsets [--force] [--delete-emptydir-data]`.
struct DrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drain", abstract: "Cordon a node and evict its pods through PodDisruptionBudgets (kubectl drain).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The node's name.") var name: String

    @Flag(help: "Also evict pods no controller manages (they are not recreated).")
    var force = false

    @Flag(name: .customLong("ignore-daemonsets"), help: "Leave DaemonSet pods in place.")
    var ignoreDaemonSets = false

    @Flag(name: .customLong("delete-emptydir-data"), help: "Evict pods with emptyDir volumes (their data is lost).")
    var deleteEmptyDirData = false

    @Option(help: "How long to keep retrying evictions, in virtual time (default 10m).")
    var timeout: String?

    func run() throws {
        try NodeCommand.perform("drain", on: name, force: force, ignoreDaemonSets: ignoreDaemonSets, deleteEmptyDirData: deleteEmptyDirData,
                                timeout: timeout, global: global)
    }
}

/// `taint nodes worker-1 gpu=true:NoSchedule`, `… gpu:NoSchedule-` to remove.
struct TaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "taint", abstract: "Add or remove taints of a node (kubectl taint nodes).")
    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("nodes (or node, no), the node's name, then key=value:Effect to add and key:Effect- or key- to remove.",
                                 valueName: "nodes name taint"))
    var words: [String] = []

    @Flag(help: "Replace a taint of the same key and effect.")
    var overwrite = false

    func run() throws {
        let env = CommandEnvironment.current
        var rest = words[...]
        if let kind = rest.first, kind.contains("/") {
            rest = [String(kind.split(separator: "/", maxSplits: 1)[1])] + rest.dropFirst()
        } else if let kind = rest.first, ["nodes", "node", "no"].contains(kind) {
            rest = rest.dropFirst()
        } else if let kind = rest.first {
            throw UserError("taint applies to nodes only, not \"\(kind)\"")
        }
        guard let name = rest.first, rest.count > 1 else { throw ValidationError("at least one taint update is required") }
        let changes: [TaintChange]
        do {
            changes = try rest.dropFirst().map(TaintChange.parse)
        } catch let error as TaintChange.Invalid {
            throw UserError(error.description)
        }
        try SimSession.with(global, mutating: true) { cluster in
            do {
                let added = try cluster.taint(name, changes, overwrite: overwrite)
                env.out.line("node/\(name) \(added ? "tainted" : "untainted")")
            } catch let error as TaintChange.Invalid {
                throw UserError(error.description)
            }
        }
    }
}
