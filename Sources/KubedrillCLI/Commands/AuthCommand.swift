import ArgumentParser
import KubeSim

/// `auth can-i`: ask the simulated API server's RBAC authorizer (kubectl auth, v1.33).
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "Inspect authorization (kubectl auth).",
                                                    subcommands: [AuthCanICommand.self])
}

/// `auth can-i list pods --as=jane -n dev` prints yes or no and exits 0 or 1. Without --as you are
/// the cluster's admin (group system:masters), who may do everything.
struct AuthCanICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i", abstract: "Check whether an action is allowed: prints yes (exit 0) or no (exit 1).",
        discussion: "Examples: auth can-i create deployments --as=jane -n dev; auth can-i get pods/web --as=system:serviceaccount:dev:bot; auth can-i get /healthz --as=jane. The cluster has the user-facing ClusterRoles view, edit, admin and cluster-admin, as a real one does.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The verb (get, list, watch, create, update, patch, delete…).", valueName: "verb"))
    var verb: String

    @Argument(help: ArgumentHelp("A resource type, type/name, or a non-resource URL such as /healthz.", valueName: "type[/name]|url"))
    var target: String

    @Option(help: ArgumentHelp("The user to ask for; system:serviceaccount:<namespace>:<name> for a service account.", valueName: "user"))
    var `as`: String?

    @Option(name: .customLong("as-group"), help: ArgumentHelp("A group of that user (repeatable).", valueName: "group"))
    var asGroup: [String] = []

    @Option(help: ArgumentHelp("A subresource, such as log or scale.", valueName: "name"))
    var subresource: String?

    @Flag(name: [.short, .long], help: "Print nothing; the exit code says yes (0) or no (1).")
    var quiet = false

    func run() throws {
        let env = CommandEnvironment.current
        var request = AccessRequest(user: `as` ?? "kubernetes-admin", groups: identityGroups(), verb: verb)
        if !GeneratedObject.roleVerbs.contains(verb) && !quiet { env.err.line("Warning: verb '\(verb)' is not a known verb") }
        if target.hasPrefix("/") {
            request.nonResourcePath = target
        } else {
            let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
            if let resolved = GeneratedObject.ruleResource(parts[0]) {
                (request.apiGroup, request.resource) = (resolved.group, resolved.resource)
            } else {
                request.resource = parts[0]
                if !quiet { env.err.line("Warning: the server doesn't have a resource type '\(parts[0])'") }
            }
            request.name = parts.count > 1 ? parts[1] : ""
            request.subresource = subresource ?? ""
            let clusterScoped = ResourceName.resolve(parts[0]).map { !$0.isNamespaced } ?? false
            request.namespace = clusterScoped || namespaces.allNamespaces ? "" : namespaces.current
        }
        let allowed = try SimSession.with(global, mutating: false) { cluster in RBACAuthorizer.allows(request, in: cluster.store) }
        if !quiet { env.out.line(allowed ? "yes" : "no") }
        if !allowed { throw ExitCode(1) }
    }

    /// The groups the API server gives the user: the admin's system:masters, or those asked for
    /// plus system:authenticated, and for a service account system:serviceaccounts[:<namespace>].
    private func identityGroups() -> [String] {
        guard let user = `as` else { return ["system:masters", "system:authenticated"] }
        var groups = asGroup + ["system:authenticated"]
        let parts = user.split(separator: ":").map(String.init)
        if parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" {
            groups += ["system:serviceaccounts", "system:serviceaccounts:\(parts[2])"]
        }
        return groups
    }
}
