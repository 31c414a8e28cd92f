import ArgumentParser

/// `cluster reset|load <file>|show`.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster", abstract: "Reset the simulated cluster, load a cluster shape, or show its nodes and time.",
        subcommands: [ClusterResetCommand.self, ClusterLoadCommand.self, ClusterShowCommand.self],
        defaultSubcommand: ClusterShowCommand.self)
}
