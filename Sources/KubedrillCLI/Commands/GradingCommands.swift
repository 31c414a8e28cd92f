import ArgumentParser

/// Exercises: list, start, check, grade.
enum GradingCommands {
    static let all: [ParsableCommand.Type] = []
}
