import ArgumentParser
import KubeSim

/// `node <name> down|up|cordon|uncordon|drain`.
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "node", abstract: "Take a node down or up, cordon, uncordon or drain it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The node's name.")
    var name: String

    @Argument(help: "down, up, cordon, uncordon or drain.")
    var action: String

    @Flag(name: .long, help: "drain: also evict pods no controller manages.")
    var force = false

    @Flag(name: .customLong("ignore-daemonsets"), help: "drain: leave DaemonSet pods in place.")
    var ignoreDaemonSets = false

    func validate() throws {
        guard ["down", "up", "cordon", "uncordon", "drain"].contains(action) else {
            throw ValidationError("unknown action \"\(action)\": use down, up, cordon, uncordon or drain")
        }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let nodeAction: NodeAction
        switch action {
        case "down": nodeAction = .down
        case "up": nodeAction = .up
        case "cordon": nodeAction = .cordon
        case "uncordon": nodeAction = .uncordon
        default: nodeAction = .drain(force: force, ignoreDaemonSets: ignoreDaemonSets)
        }
        try SimSession.with(global, mutating: true) { cluster in
            let evicted = try cluster.setNode(name, nodeAction)
            switch action {
            case "cordon", "drain": env.out.line("node/\(name) cordoned")
            case "uncordon": env.out.line("node/\(name) uncordoned")
            case "down": env.out.line("node/\(name) is down: its kubelet stopped posting status")
            default: env.out.line("node/\(name) is up")
            }
            for pod in evicted { env.out.line("evicting pod \(pod)") }
            if action == "drain" { env.out.line("node/\(name) drained") }
        }
    }
}
