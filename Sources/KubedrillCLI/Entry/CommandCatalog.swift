import ArgumentParser

/// Every subcommand, grouped by the area that owns it; each group lives beside its commands so
/// that areas grow without touching one shared list.
enum CommandCatalog {
    static var all: [ParsableCommand.Type] {
        FoundationCommands.all + StudyCommands.all + ModelCommands.all + SimCommands.all + GradingCommands.all
    }

    /// Finds a command by its name as typed (`notes`, `show`…).
    static func command(named name: String) -> ParsableCommand.Type? {
        all.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
    }
}
