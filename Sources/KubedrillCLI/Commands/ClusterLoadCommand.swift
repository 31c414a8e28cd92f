import ArgumentParser
import KubeSim

/// `cluster load <file>`: a fresh cluster whose nodes come from a file of Node manifests.
struct ClusterLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Start over with the nodes described in a file of Node manifests.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A YAML file of Node objects (capacity, allocatable, labels, taints).", valueName: "file"))
    var file: String

    func run() throws {
        let shape: ClusterShape
        do { shape = try ClusterShape.load(path: file) } catch let error as APIError { throw UserError(error.message) }
        try SimSession.save(Cluster(shape: shape), global)
        CommandEnvironment.current.out.line("Cluster loaded: \(shape.nodes.compactMap(\.metadata.name).joined(separator: ", ")); time 0s.")
    }
}
