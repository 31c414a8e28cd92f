import ArgumentParser

/// The process entry point, shared by the binary and by in-process tests.
public enum KubedrillMain {
    /// Parses and runs one command line; returns the exit status (0 ok, 1 failure, 2 usage error).
    public static func run(arguments: [String], environment: CommandEnvironment = .process()) -> Int32 {
        CommandEnvironment.$current.withValue(environment) {
            do {
                var command = try Kubedrill.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                return report(error, to: environment)
            }
        }
    }

    /// Prints an error the way the shell and the REPL both show it and maps it to an exit status.
    static func report(_ error: Error, to env: CommandEnvironment) -> Int32 {
        if let userError = error as? UserError {
            env.err.line("kubedrill: \(userError.description)")
            return 1
        }
        let code = Kubedrill.exitCode(for: error)
        let message = Kubedrill.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { env.out.line(message) }  // --help, --version
            return 0
        }
        if !message.isEmpty { env.err.line(message) }
        // ArgumentParser uses EX_USAGE (64) for usage errors; we promise 2, as most Unix tools do.
        return code == .validationFailure ? 2 : (code.rawValue == 0 ? 0 : code.rawValue)
    }
}
