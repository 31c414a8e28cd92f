import ArgumentParser
import KubeSim

/// `rollout resume deploy/web`.
struct RolloutResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused Deployment, rolling out what changed meanwhile.")

    @OptionGroup var target: RolloutTarget

    func run() throws {
        try target.perform("resumed") { try $0.rolloutResume($1) }
    }
}
