import ArgumentParser
import KubeSim

/// `scale deploy/web --replicas=5` (Deployments, ReplicaSets, StatefulSets).
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale", abstract: "Set the replicas of a Deployment, ReplicaSet or StatefulSet (kubectl scale).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(help: "The new number of replicas.")
    var replicas: Int32

    @Option(name: .customLong("current-replicas"), help: "Only scale when the current replicas are this many.")
    var currentReplicas: Int32?

    func validate() throws {
        if replicas < 0 { throw ValidationError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.scale(target.key, replicas: replicas, currentReplicas: currentReplicas)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) scaled")
        }
    }
}
