import ArgumentParser

/// `rollout history|undo|status|pause|resume|restart deploy/web` (kubectl rollout).
struct RolloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout", abstract: "Manage the rollout of a Deployment (kubectl rollout).",
        subcommands: [RolloutHistoryCommand.self, RolloutUndoCommand.self, RolloutStatusCommand.self,
                      RolloutPauseCommand.self, RolloutResumeCommand.self, RolloutRestartCommand.self])
}
