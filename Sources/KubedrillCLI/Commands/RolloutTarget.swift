import ArgumentParser
import KubeSim

/// What `rollout pause|resume|restart` share: one Deployment named as kubectl takes it, an edit
/// of the session cluster, and kubectl's `deployment.apps/web <verb>` line.
struct RolloutTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The Deployment: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    func perform(_ verb: String, _ edit: (Cluster, ObjectKey) throws -> Void) throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            try edit(cluster, target.key)
            env.out.line("\(SimSession.displayName(target.kind, target.key.name)) \(verb)")
        }
    }
}
