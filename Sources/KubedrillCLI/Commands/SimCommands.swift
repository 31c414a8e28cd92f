import ArgumentParser

/// The simulated cluster: apply, get, describe, advance, why, sim run…
enum SimCommands {
    static let all: [ParsableCommand.Type] = []
}
