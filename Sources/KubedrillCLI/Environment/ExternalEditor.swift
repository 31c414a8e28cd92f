import Foundation

/// `$VISUAL`, else `$EDITOR`, else vi, run on a file (at a line when given) until it exits.
enum ExternalEditor {
    static func command(_ variables: [String: String]) -> String {
        variables["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? variables["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
    }

    /// False (with the reason on stderr) when the editor could not be started.
    static func open(_ file: URL, line: Int? = nil, env: CommandEnvironment) -> Bool {
        let editor = command(env.variables)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor may be several shell words ("code -w"); the file and line travel as variables, so no path is ever spliced into the script.
        process.arguments = ["-c", line == nil ? "exec \(editor) \"$KUBEDRILL_FILE\"" : "exec \(editor) +\"$KUBEDRILL_LINE\" \"$KUBEDRILL_FILE\""]
        var variables = env.variables
        variables["KUBEDRILL_LINE"] = line.map(String.init) ?? ""
        variables["KUBEDRILL_FILE"] = file.path
        process.environment = variables
        do {
            try process.run()
            process.waitUntilExit()
            return true
        } catch {
            env.err.line("kubedrill: cannot start editor \"\(editor)\": \(error.localizedDescription). Set $EDITOR.")
            return false
        }
    }
}
