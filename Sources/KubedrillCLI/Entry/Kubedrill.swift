import ArgumentParser

/// The root command. With no subcommand it starts the interactive shell.
public struct Kubedrill: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kubedrill",
        abstract: "Learn Kubernetes: notes, spaced-repetition quizzes and hands-on exercises on a simulated cluster.",
        discussion: """
            Run without a command to start the interactive shell; every command below works both there \
            and from your shell. Exit codes: 0 success, 1 failure, 2 usage error.
            """,
        version: KubedrillVersion.current,
        subcommands: CommandCatalog.all
    )

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() throws {
        let env = CommandEnvironment.current
        env.homeOverride = global.home
        env.contentOverride = global.content
        let status = REPL(environment: env).run()
        if status != 0 { throw ExitCode(status) }
    }
}

public enum KubedrillVersion {
    public static let current = "0.1.0"
}
