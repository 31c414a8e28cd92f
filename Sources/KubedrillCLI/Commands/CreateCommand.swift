import ArgumentParser
import KubeSim

/// `create -f`: like apply, but an existing object is an error (kubectl create).
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create objects from files (fails if one exists), or one object from flags (kubectl create).",
        subcommands: [CreateDeploymentCommand.self, CreateJobCommand.self, CreateCronJobCommand.self, CreateNamespaceCommand.self,
                      CreateConfigMapCommand.self, CreateSecretCommand.self, CreateServiceCommand.self, CreateServiceAccountCommand.self,
                      CreateRoleCommand.self, CreateClusterRoleCommand.self, CreateRoleBindingCommand.self, CreateClusterRoleBindingCommand.self,
                      CreateQuotaCommand.self, CreatePodDisruptionBudgetCommand.self, CreatePriorityClassCommand.self])

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("f"), .customLong("filename")], help: ArgumentHelp("A manifest file or a directory of them.", valueName: "path"))
    var files: [String] = []

    func run() throws {
        // Checked here, not in validate(): ArgumentParser validates this command also when a subcommand runs.
        if files.isEmpty { throw ValidationError("must specify one of -f and -k") }
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: true) { cluster in
            for manifest in try files.flatMap({ try ManifestInput.objects(atPath: $0) }) {
                let created = try cluster.create(manifest.object)
                env.out.line(SimSession.displayName(ResourceName.forKind(created.kind), created.meta.name ?? "") + " created")
            }
        }
    }
}
