import ArgumentParser
import KubeSim

/// `rollout pause deploy/web`.
struct RolloutPauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a Deployment: template changes wait until it is resumed.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.rolloutPause(target.key)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) paused")
        }
    }
}
