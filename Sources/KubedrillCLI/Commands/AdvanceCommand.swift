import ArgumentParser
import KubeSim

/// `advance [duration]`: moves the virtual clock, running controllers and kubelets on the way.
struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "advance", abstract: "Let virtual time pass: a duration (30s, 5m), or until the cluster is quiet (at most 10m).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("How long, as a Go duration (30s, 5m, 1h). Default: until quiet, at most 10m.", valueName: "duration"))
    var duration: String?

    func validate() throws {
        if let duration, VirtualDuration(parsing: duration) == nil { throw ValidationError("invalid duration \"\(duration)\": use 30s, 5m or 1h30m") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: true) { cluster in
            let start = cluster.now
            if let duration, let span = VirtualDuration(parsing: duration) {
                try cluster.advance(by: span)
                env.out.line("Advanced \(span) to t=\(cluster.now.seconds)s.")
            } else {
                let quiet = try cluster.advanceUntilQuiet()
                env.out.line(quiet ? "Quiet after \(cluster.now - start) (t=\(cluster.now.seconds)s)." : "Still busy after \(cluster.now - start) (t=\(cluster.now.seconds)s); something keeps restarting or backing off.")
            }
        }
    }
}
