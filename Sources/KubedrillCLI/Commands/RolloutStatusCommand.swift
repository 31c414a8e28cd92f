import ArgumentParser
import KubeSim

/// `rollout status deploy/web`: moves the virtual clock until the rollout is done, its
/// progress deadline passes, or --timeout (default: an hour of virtual time).
struct RolloutStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Watch a rollout until it finishes, advancing the virtual clock.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(help: "Keep watching until the rollout ends (true), or print the status once (false).")
    var watch: Bool = true

    @Option(help: "Virtual time to wait before giving up, as a Go duration (default 0: up to 1h).")
    var timeout: String = "0s"

    func validate() throws {
        if VirtualDuration(parsing: timeout) == nil { throw ValidationError("invalid argument \"\(timeout)\" for \"--timeout\" flag: use 30s, 5m or 1h") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        let limit = VirtualDuration(parsing: timeout).flatMap { $0.seconds > 0 ? $0 : nil } ?? .minutes(60)
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.watchRolloutStatus(target.key, timeout: limit, watch: watch) { env.out.line($0) }
        }
    }
}
