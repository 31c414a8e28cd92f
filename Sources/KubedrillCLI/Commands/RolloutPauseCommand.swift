import ArgumentParser
import KubeSim

/// `rollout pause deploy/web`.
struct RolloutPauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a Deployment: template changes wait until it is resumed.")

    @OptionGroup var target: RolloutTarget

    func run() throws {
        try target.perform("paused") { try $0.rolloutPause($1) }
    }
}
