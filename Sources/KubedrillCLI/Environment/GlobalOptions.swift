import ArgumentParser
import Foundation

/// Options every command takes: where data and notes live.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Data directory for history, reviews and workspaces.",
        discussion: "Default: $KUBEDRILL_HOME, else $XDG_DATA_HOME/kubedrill, else ~/.local/share/kubedrill.",
        valueName: "dir"))
    public var home: String?

    @Option(name: .long, help: ArgumentHelp("Directory of notes to study instead of the bundled Content/.", valueName: "dir"))
    public var content: String?

    public init() {}

    /// The data directory, created if missing.
    public func dataDirectory(_ env: CommandEnvironment = .current) throws -> URL {
        try DataDirectory.resolve(explicit: home ?? env.homeOverride, variables: env.variables)
    }

    /// The content directory: `--content`, else the one given when the REPL started, else the bundled one.
    public func contentDirectory(_ env: CommandEnvironment = .current) throws -> URL {
        try ContentLocator.resolve(explicit: content ?? env.contentOverride, variables: env.variables)
    }
}
