import ArgumentParser

/// Drilling cards: quiz, cards, lint, stats, fsrs, doctor, export/import.
enum StudyCommands {
    static let all: [ParsableCommand.Type] = [QuizCommand.self, CardsCommand.self, LintCommand.self, StatsCommand.self, ExportCommand.self, ImportCommand.self, DoctorCommand.self, FSRSCommand.self]
}
