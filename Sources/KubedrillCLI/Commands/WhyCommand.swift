import ArgumentParser
import KubeSim

/// `why <pod>`: every filter plugin on every node and the scores, for the pod as it is now.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "why", abstract: "Explain where a pod can or cannot be scheduled, plugin by plugin.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The pod (pod/web works too).", valueName: "pod"))
    var pod: String

    func run() throws {
        let env = CommandEnvironment.current
        let name = pod.hasPrefix("pod/") ? String(pod.dropFirst(4)) : pod
        try SimSession.with(global, mutating: false) { cluster in
            let key = ObjectKey.pod(name, namespace: namespaces.current)
            guard var subject = cluster.get(key)?.pod else { throw APIError.notFound(key) }
            var store = SchedulerPlacement.snapshot(of: cluster.store)
            if let node = subject.spec?.nodeName {
                // Explain the pod as if it were pending: take it off its node first.
                store = SchedulerPlacement.snapshot(of: cluster.store, excluding: key)
                env.out.line("Pod \(name) is bound to \(node); this is how it would be scheduled now.")
                subject.spec?.nodeName = nil
            }
            WhyFormatter.lines(Scheduler().explain(subject, in: store)).forEach(env.out.line)
        }
    }
}
