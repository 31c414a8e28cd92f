import ArgumentParser
import KubeSim

/// `cluster reset`: a fresh default cluster at t=0.
struct ClusterResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Start over with the default cluster (control-plane and three workers).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try SimSession.save(Cluster(), global)
        CommandEnvironment.current.out.line("Cluster reset: control-plane, worker-1, worker-2, worker-3; time 0s.")
    }
}
