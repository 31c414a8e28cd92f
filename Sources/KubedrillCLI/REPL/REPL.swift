import ArgumentParser
import Foundation
import KubedrillSupport
import Study
import Terminal

/// The interactive shell: libedit on a terminal, plain line reading on a pipe. Each line is parsed
/// by the same ArgumentParser commands the command line uses, so help, errors and behaviour match.
final class REPL {
    let env: CommandEnvironment
    /// Words shown in the prompt after `kubedrill` (a quiz sets `quiz 3/20`).
    var promptContext = ""

    init(environment: CommandEnvironment) { env = environment }

    func run() -> Int32 {
        env.inREPL = true
        guard env.stdinIsTerminal else { return runPiped() }
        return runInteractive()
    }

    /// Lines from a pipe: no banner, no prompt, no escape sequences; exits on `quit` or end of input.
    private func runPiped() -> Int32 {
        var status: Int32 = 0
        while let line = env.input?.readLine(prompt: "") {
            guard let result = execute(line) else { break }
            status = result
        }
        return status
    }

    private func runInteractive() -> Int32 {
        let style = env.style
        let history = try? DataDirectory.resolve(explicit: env.homeOverride, variables: env.variables)
            .appendingPathComponent("history").path
        let completer = Completer(library: { [env] in
            (try? ContentLocator.resolve(explicit: env.contentOverride, variables: env.variables)).map { env.library(at: $0) }
        })
        let editor = LineEditor(programName: "kubedrill", historyFile: history, completion: completer.candidates(for:))
        env.input = EditorInput(editor: editor)
        env.out.line("kubedrill \(KubedrillVersion.current) — \(style.bold("help")) lists commands, \(style.bold("quit")) or Ctrl-D leaves.")
        while true {
            let prompt = style.boldColor("kubedrill" + (promptContext.isEmpty ? "" : " " + promptContext) + ">", .cyan) + " "
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                Interrupt.clear()
                if execute(line) == nil { return 0 }
            case .interrupted: continue
            case .endOfInput: return 0
            }
        }
    }

    /// Runs one line; returns its status, or nil when the shell should end.
    func execute(_ line: String) -> Int32? {
        let words: [String]
        do {
            let split = try ShellWords.split(line)
            if let tail = split.tail {
                env.err.line("kubedrill: the shell runs one command per line; \"\(tail)\" (pipes, redirections, ;) is not supported here")
                return 2
            }
            words = split.words
        } catch {
            env.err.line("kubedrill: \(error)")
            return 2
        }
        var args = words
        if args.first == "kubectl" { args.removeFirst() }
        guard let first = args.first else { return 0 }
        switch first {
        case "quit", "exit": return nil
        case "help", "?": return help(Array(args.dropFirst()))
        case "reload":
            env.forgetLibraries()
            env.out.line("Notes will be read again from disk.")
            return 0
        default: break
        }
        guard CommandCatalog.command(named: first) != nil || first.hasPrefix("-") else {
            let hint = suggestion(first)
            env.err.line("kubedrill: unknown command \"\(first)\".\(hint) Type help for the list.")
            return 2
        }
        return CommandEnvironment.$current.withValue(env) {
            do {
                var command = try Kubedrill.parseAsRoot(args)
                if command is Kubedrill { return 0 }  // options alone: nothing to run
                try command.run()
                return 0
            } catch is CancellationError {
                env.err.line("Interrupted.")
                return 130
            } catch {
                return KubedrillMain.report(error, to: env)
            }
        }
    }

    private func suggestion(_ word: String) -> String {
        KubedrillSupport.Suggest.closest(to: word, among: Completer.commandNames).map { " Did you mean \"\($0)\"?" } ?? ""
    }

    /// `help` lists commands with one line each; `help <command>` shows that command's full help.
    func help(_ topic: [String]) -> Int32 {
        if let name = topic.first {
            guard let type = CommandCatalog.command(named: name) else {
                env.err.line("kubedrill: no command \"\(name)\". Type help for the list.")
                return 2
            }
            env.out.write(Kubedrill.helpMessage(for: type, columns: env.terminalWidth) + "\n")
            return 0
        }
        let style = env.style
        var rows = CommandCatalog.all.map { ($0._commandName, $0.configuration.abstract) }
        rows += [("help [command]", "List commands, or show one command's options."),
                 ("reload", "Read the notes again after editing them."),
                 ("quit", "Leave the shell (Ctrl-D works too).")]
        let width = rows.map(\.0.count).max() ?? 0
        env.out.line(style.bold("Commands:"))
        for (name, summary) in rows {
            env.out.line("  " + style.color(name.padding(toLength: width, withPad: " ", startingAt: 0), .cyan) + "  " + summary)
        }
        env.out.line()
        env.out.line("Every command also runs from your shell: kubedrill <command> --help.")
        return 0
    }
}

/// Answers typed during a command (quiz) come from the same libedit session as commands.
final class EditorInput: LineInput {
    let editor: LineEditor
    init(editor: LineEditor) { self.editor = editor }
    func readLine(prompt: String) -> String? {
        switch editor.readLine(prompt: prompt) {
        case .line(let line): return line
        case .interrupted: Interrupt.request(); return nil
        case .endOfInput: return nil
        }
    }
}
