import ArgumentParser
import KubeSim

/// `rollout restart deploy/web`.
struct RolloutRestartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart a Deployment's pods through a rollout (sets kubectl.kubernetes.io/restartedAt).")

    @OptionGroup var target: RolloutTarget

    func run() throws {
        try target.perform("restarted") { try $0.rolloutRestart($1) }
    }
}
