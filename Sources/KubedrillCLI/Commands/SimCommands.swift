import ArgumentParser

/// The simulated cluster: apply, get, describe, advance, why, sim run…
enum SimCommands {
    static let all: [ParsableCommand.Type] = [
        ApplyCommand.self, CreateCommand.self, GetCommand.self, DescribeCommand.self, DeleteCommand.self,
        LogsCommand.self, LabelCommand.self, AnnotateCommand.self, PatchCommand.self, EventsCommand.self,
        TopCommand.self, AdvanceCommand.self, ClusterCommand.self, NodeCommand.self, SimCommand.self, WhyCommand.self,
        RolloutCommand.self, ScaleCommand.self, SetCommand.self,
        LoadCommand.self, AutoscaleCommand.self, RunCommand.self, ExposeCommand.self, AuthCommand.self, EditCommand.self, ReplaceCommand.self,
        CordonCommand.self, UncordonCommand.self, DrainCommand.self, TaintCommand.self,
    ]
}
