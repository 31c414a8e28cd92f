import ArgumentParser

/// `fsrs`: tools around the FSRS-6 scheduler that drives quiz reviews.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "Inspect the FSRS-6 spaced-repetition scheduler.",
        discussion: "The scheduler is a port of py-fsrs 6.3.2 and agrees with it review for review.",
        subcommands: [FSRSSimulateCommand.self])
}
