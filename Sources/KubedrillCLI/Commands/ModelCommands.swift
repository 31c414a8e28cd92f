import ArgumentParser

/// Manifests: validate, explain.
enum ModelCommands {
    static let all: [ParsableCommand.Type] = [ValidateCommand.self, ExplainCommand.self]
}
