import ArgumentParser
import KubeModel
import KubeSim

/// `load web cpu=80%`: the simulated demand on a workload, which `top pods` and the HPA see.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Set the simulated CPU or memory demand of a Deployment, ReplicaSet or StatefulSet.",
        discussion: """
            The demand is the workload's total, shared equally by its ready pods, and replaces \
            the pods' idle use for that resource. cpu=80% means 80% of the CPU request of each \
            of the replicas the workload has now (2 pods requesting 100m: 160m in all), fixed \
            when you set it: when an autoscaler adds pods, each pod's share drops, as real \
            traffic spread by a Service would. Absolute values (cpu=300m, memory=200Mi) are \
            totals too. cpu- or memory- removes a value.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The workload (web, deploy/web or deploy web), then cpu=… and memory=… values.", valueName: "workload values"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let changes = words.filter { $0.contains("=") || $0 == "cpu-" || $0 == "memory-" }
        let targetWords = words.filter { !changes.contains($0) }
        guard !changes.isEmpty else { throw ValidationError("give at least one value: cpu=80%, cpu=300m, memory=200Mi") }
        let target = targetWords.count == 1 && !targetWords[0].contains("/")
            ? (kind: ResourceName.forKind("Deployment"), key: ObjectKey(kind: "Deployment", namespace: namespaces.current, name: targetWords[0]))
            : try SimSession.single(targetWords, namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            let load = try cluster.setLoad(target.key, changes)
            let name = SimSession.displayName(target.kind, target.key.name)
            env.out.line(load.map { "\(name) load set: \($0.annotationValue) in total, shared by its ready pods" } ?? "\(name) load removed")
        }
    }
}
