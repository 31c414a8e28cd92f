import ArgumentParser
import KubeSim

/// `rollout history deploy/web [--revision N]`.
struct RolloutHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List a Deployment's revisions, or show one revision's pod template.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(help: "Show the pod template of this revision.")
    var revision: Int64 = 0

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: false) { cluster in
            let text = try cluster.rolloutHistory(target.key, revision: revision)
            env.out.write(SimSession.displayName(target.kind, target.key.name) + text)
        }
    }
}
