import ArgumentParser
import KubeSim

/// `rollout resume deploy/web`.
struct RolloutResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused Deployment, rolling out what changed meanwhile.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.rolloutResume(target.key)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) resumed")
        }
    }
}
