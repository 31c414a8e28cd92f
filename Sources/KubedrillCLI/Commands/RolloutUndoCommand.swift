import ArgumentParser
import KubeSim

/// `rollout undo deploy/web [--to-revision N]`.
struct RolloutUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Roll a Deployment back to the previous (or a given) revision.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(name: .customLong("to-revision"), help: "The revision to roll back to (default 0: the previous one).")
    var toRevision: Int64 = 0

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            let outcome = try cluster.rolloutUndo(target.key, toRevision: toRevision)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) \(outcome)")
        }
    }
}
