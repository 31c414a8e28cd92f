import ArgumentParser
import Study

/// `notes`: every note, grouped by topic.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notes", abstract: "List the notes, grouped by topic.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = CommandEnvironment.current
        let library = env.library(at: try global.contentDirectory())
        ContentReport.problems(library.problems, to: env)
        guard !library.notes.isEmpty else {
            env.out.line("No notes in \(library.directory.path).")
            return
        }
        let style = env.style
        let slugWidth = library.notes.map(\.slug.count).max() ?? 0
        for (index, group) in library.notesByTopic.enumerated() {
            if index > 0 { env.out.line() }
            env.out.line(style.bold(group.topic))
            for note in group.notes {
                env.out.line("  " + style.color(note.slug.padding(toLength: slugWidth, withPad: " ", startingAt: 0), .cyan)
                             + "  " + note.title)
            }
        }
    }
}

/// Shared printing of content problems: `file:line: message`, on stderr, never fatal.
enum ContentReport {
    static func problems(_ problems: [ContentProblem], to env: CommandEnvironment) {
        let style = env.style
        for problem in problems {
            let label = problem.severity == .error ? style.error("error") : style.warning("warning")
            env.err.line("\(problem.location): \(label): \(problem.message)")
        }
    }
}
