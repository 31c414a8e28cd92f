import ArgumentParser
import KubeModel
import KubeSim

/// Values of a pflag string slice: repeatable, and each may list several, comma-separated.
private func commaList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map(String.init) }
}

/// `create serviceaccount build-bot`.
struct CreateServiceAccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serviceaccount", abstract: "Create a ServiceAccount.", aliases: ["sa"])

    @OptionGroup var basics: CreateBasics

    func run() throws {
        try basics.emit(GeneratedObject.serviceAccount(name: basics.name ?? ""), command: "create serviceaccount")
    }
}

/// The flags of `create role` and `create clusterrole`.
struct RuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Verbs the rule allows (repeatable or comma-separated: get,list,watch).", valueName: "verb"))
    var verb: [String] = []

    @Option(help: ArgumentHelp("Resources the rule applies to: pods, deployments.apps, pods/log (repeatable or comma-separated).", valueName: "resource"))
    var resource: [String] = []

    @Option(name: .customLong("resource-name"), help: ArgumentHelp("Only these objects by name (repeatable).", valueName: "name"))
    var resourceName: [String] = []

    func rules(nonResourceURLs: [String] = []) throws -> JSONValue {
        let verbs = commaList(verb)
        guard !verbs.isEmpty else { throw UserError("at least one verb must be specified") }
        for verb in verbs where !GeneratedObject.roleVerbs.contains(verb) { throw UserError("invalid verb: '\(verb)'") }
        let typed = commaList(resource)
        if typed.isEmpty && nonResourceURLs.isEmpty { throw UserError("at least one resource must be specified") }
        let resources = try typed.map { name in
            guard let resolved = GeneratedObject.ruleResource(name) else { throw UserError("the server doesn't have a resource type \"\(name)\"") }
            return resolved
        }
        return GeneratedObject.rules(verbs: verbs, resources: resources, resourceNames: resourceName, nonResourceURLs: nonResourceURLs)
    }
}

/// `create role pod-reader --verb=get,list,watch --resource=pods`.
struct CreateRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Create a Role: what may be done to which resources in one namespace.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var rule: RuleOptions

    func run() throws {
        try basics.emit(GeneratedObject.role(kind: "Role", name: basics.name ?? "", rules: try rule.rules()), command: "create role")
    }
}

/// `create clusterrole node-reader --verb=get --resource=nodes` (also `--non-resource-url=/healthz`).
struct CreateClusterRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clusterrole", abstract: "Create a ClusterRole: a Role for the whole cluster.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var rule: RuleOptions

    @Option(name: .customLong("non-resource-url"), help: ArgumentHelp("URLs outside the API objects (/healthz, /logs/*).", valueName: "url"))
    var nonResourceURL: [String] = []

    func run() throws {
        let urls = commaList(nonResourceURL)
        try basics.emit(GeneratedObject.role(kind: "ClusterRole", name: basics.name ?? "", rules: try rule.rules(nonResourceURLs: urls)),
                        command: "create clusterrole", namespaced: false)
    }
}

/// Who a binding grants its role to.
struct SubjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A user (repeatable).", valueName: "name"))
    var user: [String] = []

    @Option(help: ArgumentHelp("A group (repeatable).", valueName: "name"))
    var group: [String] = []

    @Option(help: ArgumentHelp("A service account as namespace:name (repeatable).", valueName: "namespace:name"))
    var serviceaccount: [String] = []

    func subjects() throws -> [GeneratedObject.Subject] {
        let accounts = try serviceaccount.map { text -> GeneratedObject.Subject in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw UserError("serviceaccount must be <namespace>:<name>") }
            return .serviceAccount(namespace: parts[0], name: parts[1])
        }
        return commaList(user).map { .user($0) } + commaList(group).map { .group($0) } + accounts
    }
}

/// `create rolebinding read-pods --role=pod-reader --user=jane` (or `--clusterrole=view`).
struct CreateRoleBindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rolebinding", abstract: "Create a RoleBinding: grant a Role or ClusterRole in one namespace.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var subjects: SubjectOptions

    @Option(help: "The Role to grant.")
    var role: String?

    @Option(help: "The ClusterRole to grant (in this namespace only).")
    var clusterrole: String?

    func validate() throws {
        if (role == nil) == (clusterrole == nil) { throw ValidationError("exactly one of clusterrole or role must be specified") }
    }

    func run() throws {
        try basics.emit(GeneratedObject.binding(kind: "RoleBinding", name: basics.name ?? "", roleKind: role == nil ? "ClusterRole" : "Role",
                                                role: role ?? clusterrole ?? "", subjects: try subjects.subjects()), command: "create rolebinding")
    }
}

/// `create clusterrolebinding read-nodes --clusterrole=node-reader --group=ops`.
struct CreateClusterRoleBindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clusterrolebinding", abstract: "Create a ClusterRoleBinding: grant a ClusterRole everywhere.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var subjects: SubjectOptions

    @Option(help: "The ClusterRole to grant.")
    var clusterrole: String?

    func validate() throws {
        if clusterrole == nil { throw ValidationError("clusterrole must be specified") }
    }

    func run() throws {
        try basics.emit(GeneratedObject.binding(kind: "ClusterRoleBinding", name: basics.name ?? "", roleKind: "ClusterRole",
                                                role: clusterrole ?? "", subjects: try subjects.subjects()),
                        command: "create clusterrolebinding", namespaced: false)
    }
}
