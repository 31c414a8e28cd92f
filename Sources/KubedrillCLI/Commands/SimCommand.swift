import ArgumentParser

/// `sim run`: scripts' entry to the simulator.
struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Run manifests on a fresh simulated cluster (for scripts).",
                                                    subcommands: [SimRunCommand.self])
}
