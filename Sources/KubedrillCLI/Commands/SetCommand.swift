import ArgumentParser

/// `set image …` (kubectl set).
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change fields of existing objects (kubectl set).",
                                                    subcommands: [SetImageCommand.self, SetEnvCommand.self, SetResourcesCommand.self])
}
