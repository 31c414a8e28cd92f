import ArgumentParser
import KubeSim

/// `rollout restart deploy/web`.
struct RolloutRestartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart a Deployment's pods through a rollout (sets kubectl.kubernetes.io/restartedAt).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.rolloutRestart(target.key)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) restarted")
        }
    }
}
