import KubedrillSupport
import ArgumentParser
import KubeSim

/// `create quota compute --hard=cpu=2,memory=4Gi,pods=10 [--scopes=NotBestEffort]`.
struct CreateQuotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quota", abstract: "Create a ResourceQuota.", aliases: ["resourcequota"])

    @OptionGroup var basics: CreateBasics

    @Option(help: ArgumentHelp("Limits, comma-separated.", valueName: "resource=quantity,…"))
    var hard: String?

    @Option(help: ArgumentHelp("Scopes, comma-separated (BestEffort, NotBestEffort, Terminating, NotTerminating…).", valueName: "scope,…"))
    var scopes: String?

    func run() throws {
        guard let limits = KeyValue.list(hard ?? "") else { throw UserError("invalid --hard \"\(hard ?? "")\": expected resource=quantity,…") }
        let scopeList = (scopes ?? "").split(separator: ",").map(String.init)
        try basics.emit(GeneratedObject.quota(name: basics.name ?? "", hard: limits, scopes: scopeList), command: "create quota")
    }
}

/// `create pdb web --selector=app=web --min-available=2` (or `--max-unavailable=25%`).
struct CreatePodDisruptionBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "poddisruptionbudget", abstract: "Create a PodDisruptionBudget.", aliases: ["pdb"])

    @OptionGroup var basics: CreateBasics

    @Option(help: ArgumentHelp("The pods it protects.", valueName: "key=value,…"))
    var selector: String?

    @Option(name: .customLong("min-available"), help: ArgumentHelp("Pods that must stay available: a number or a percentage.", valueName: "n|n%"))
    var minAvailable: String?

    @Option(name: .customLong("max-unavailable"), help: ArgumentHelp("Pods that may be unavailable: a number or a percentage.", valueName: "n|n%"))
    var maxUnavailable: String?

    func validate() throws {
        guard let selector, !selector.isEmpty else { throw ValidationError("a selector must be specified") }
        if GeneratedObject.labelMap(selector) == nil { throw ValidationError("invalid selector \"\(selector)\": expected key=value,…") }
        if minAvailable == nil && maxUnavailable == nil { throw ValidationError("one of min-available or max-unavailable must be specified") }
        if minAvailable != nil && maxUnavailable != nil { throw ValidationError("min-available and max-unavailable cannot be both specified") }
    }

    func run() throws {
        try basics.emit(GeneratedObject.disruptionBudget(name: basics.name ?? "", selector: GeneratedObject.labelMap(selector ?? "") ?? [:],
                                                         minAvailable: minAvailable, maxUnavailable: maxUnavailable), command: "create poddisruptionbudget")
    }
}

/// `create priorityclass critical --value=1000000 [--global-default] [--description=…]`.
struct CreatePriorityClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priorityclass", abstract: "Create a PriorityClass.", aliases: ["pc"])

    @OptionGroup var basics: CreateBasics

    @Option(help: "The priority of pods that name it; higher preempts lower.")
    var value = 0

    @Flag(name: .customLong("global-default"), help: "Give this priority to pods that name no class.")
    var globalDefault = false

    @Option(help: "What the class is for.")
    var description: String?

    @Option(name: .customLong("preemption-policy"), help: ArgumentHelp("PreemptLowerPriority or Never.", valueName: "policy"))
    var preemptionPolicy = "PreemptLowerPriority"

    func run() throws {
        try basics.emit(GeneratedObject.priorityClass(name: basics.name ?? "", value: value, globalDefault: globalDefault,
                                                      description: description, preemptionPolicy: preemptionPolicy),
                        command: "create priorityclass", namespaced: false)
    }
}
