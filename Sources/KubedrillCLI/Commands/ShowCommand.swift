import ArgumentParser
import Study
import Terminal

/// `show <note>`: a note drawn for the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a note.",
        discussion: "Name the note by its name (see `notes`), its title, an alias or a unique prefix; [[links]] in a note are followed the same way.")

    @Argument(help: ArgumentHelp("The note's name or title.", valueName: "note"))
    var name: [String]

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if name.isEmpty { throw ValidationError("Name a note: show <note>. `notes` lists them.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let library = env.library(at: try global.contentDirectory())
        let wanted = name.joined(separator: " ")
        guard let note = library.lookup(wanted) else {
            let hint = library.suggestion(for: wanted).map { " Did you mean \"\($0)\"?" } ?? " `notes` lists them."
            throw UserError("no note named \"\(wanted)\".\(hint)")
        }
        let options = RenderOptions(color: env.usesColor, width: env.terminalWidth,
                                    linkExists: { library.note(named: $0) != nil })
        let text = MarkdownRenderer.render(note.document, options: options)
        Output.long(text, in: env)
    }
}

/// Long output: paged on a terminal when taller than the screen, printed as is otherwise.
enum Output {
    static func long(_ text: String, in env: CommandEnvironment) {
        let lineCount = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        if env.stdoutIsTerminal, env.stdinIsTerminal, lineCount >= env.terminalHeight,
           Pager.page(text, pagerCommand: env.variables["PAGER"]) {
            return
        }
        env.out.write(text)
    }
}
