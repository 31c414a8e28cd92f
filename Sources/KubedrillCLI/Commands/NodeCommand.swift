import ArgumentParser
import KubeModel
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

    @Flag(name: .customLong("delete-emptydir-data"), help: "drain: also evict pods with emptyDir volumes (their data is lost).")
    var deleteEmptyDirData = false

    @Option(help: "drain: how long to keep retrying evictions, in virtual time (kubectl waits forever; here 10m unless set).")
    var timeout: String?

    func validate() throws {
        guard ["down", "up", "cordon", "uncordon", "drain"].contains(action) else {
            throw ValidationError("unknown action \"\(action)\": use down, up, cordon, uncordon or drain")
        }
    }

    func run() throws {
        try Self.perform(action, on: name, force: force, ignoreDaemonSets: ignoreDaemonSets, deleteEmptyDirData: deleteEmptyDirData,
                         timeout: timeout, global: global)
    }

    /// What `node <name> <action>` and kubectl's own verbs (`cordon`, `uncordon`, `drain`) do.
    static func perform(_ action: String, on name: String, force: Bool = false, ignoreDaemonSets: Bool = false,
                        deleteEmptyDirData: Bool = false, timeout: String? = nil, global: GlobalOptions) throws {
        let env = CommandEnvironment.current
        let nodeAction: NodeAction
        switch action {
        case "down": nodeAction = .down
        case "up": nodeAction = .up
        case "cordon": nodeAction = .cordon
        case "uncordon": nodeAction = .uncordon
        default: nodeAction = .drain(force: force, ignoreDaemonSets: ignoreDaemonSets)
        }
        if action == "drain" {
            return try drain(name, force: force, ignoreDaemonSets: ignoreDaemonSets, deleteEmptyDirData: deleteEmptyDirData, timeout: timeout, global: global, env)
        }
        try SimSession.with(global, mutating: true) { cluster in
            let evicted = try cluster.setNode(name, nodeAction)
            switch action {
            case "cordon": env.out.line("node/\(name) cordoned")
            case "uncordon": env.out.line("node/\(name) uncordoned")
            case "down": env.out.line("node/\(name) is down: its kubelet stopped posting status")
            default: env.out.line("node/\(name) is up")
            }
            for pod in evicted { env.out.line("evicting pod \(pod)") }
        }
    }

    /// kubectl drain's output: cordoned, the evictions and their retries, then drained or the error.
    private static func drain(_ name: String, force: Bool, ignoreDaemonSets: Bool, deleteEmptyDirData: Bool, timeout: String?,
                              global: GlobalOptions, _ env: CommandEnvironment) throws {
        var limit = VirtualDuration.minutes(10)
        if let timeout {
            guard let seconds = GoDuration.seconds(timeout), seconds >= 0 else { throw ValidationError("invalid --timeout \"\(timeout)\": use a duration such as 90s or 5m") }
            if seconds > 0 { limit = .seconds(Int64(seconds)) }
        }
        try SimSession.with(global, mutating: true) { cluster in
            let report: DrainReport
            do {
                report = try cluster.drainNode(name, force: force, ignoreDaemonSets: ignoreDaemonSets, deleteEmptyDirData: deleteEmptyDirData, timeout: limit)
            } catch let error as APIError where error.reason == "BadRequest" {
                env.out.line("node/\(name) cordoned")  // kubectl cordons before it looks at the pods
                throw error
            }
            env.out.line("node/\(name) cordoned")
            for line in report.lines { env.out.line(line) }
            if let failure = report.failure { throw APIError(reason: "Timeout", message: failure) }
            env.out.line("node/\(name) drained")
        }
    }
}
