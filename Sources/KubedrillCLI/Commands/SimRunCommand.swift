import ArgumentParser
import Foundation
import KubeModel
import KubeSim
import Terminal

/// `sim run [--cluster FILE] [--advance DURATION] [--format json] FILE|DIR...`: applies the files
/// to a fresh cluster, lets time pass and prints the result. Nothing is saved.
struct SimRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Apply manifests to a fresh cluster, advance the clock and print what happened.")

    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("Manifest files or directories.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of Node manifests to use instead of the default cluster.", valueName: "file"))
    var cluster: String?

    @Option(name: .long, help: ArgumentHelp("How long to run (Go duration). Default: until quiet, at most 10m.", valueName: "duration"))
    var advance: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one manifest file or directory") }
        if let advance, VirtualDuration(parsing: advance) == nil { throw ValidationError("invalid duration \"\(advance)\": use 30s, 5m or 1h30m") }
    }

    /// The JSON result: `{"time", "objects", "events"}`.
    struct Result: Encodable {
        var time: Int64
        /// Encoded straight from the typed objects: the same JSON as their `jsonValue()` trees,
        /// without decoding each object into a tree first.
        var objects: [CodableObject]
        var events: [Event]
        struct Event: Encodable { var time: Int64; var type: String; var reason: String; var object: String; var message: String }
    }

    struct Failure: Encodable {
        var errors: [ManifestRejection.Problem]
    }

    func run() throws {
        let env = CommandEnvironment.current
        do {
            let simulated = try Cluster(shape: cluster.map { try ClusterShape.load(path: $0) } ?? .standard)
            let manifests = try paths.flatMap { try ManifestInput.objects(atPath: $0) }
            let lines = try simulated.apply(manifests)
            if let advance, let span = VirtualDuration(parsing: advance) { try simulated.advance(by: span) } else { try simulated.advanceUntilQuiet() }
            let objects = simulated.store.objects.keys.sorted().filter { $0.kind != "Event" }.compactMap { simulated.get($0) }
            if output.isJSON {
                let events = simulated.store.eventLog.map { Result.Event(time: $0.time, type: $0.type, reason: $0.reason, object: $0.object, message: $0.message) }
                env.out.line(try JSONOutput.string(Result(time: simulated.now.seconds, objects: objects.map(CodableObject.init), events: events)))
            } else {
                lines.forEach(env.out.line)
                env.out.line("")
                env.out.line("After \(simulated.now.seconds)s:")
                let pods = objects.filter { $0.kind == "Pod" }
                if !pods.isEmpty {
                    let table = ResourceTable.make(pods, kind: "Pod", now: simulated.now, wide: true)
                    env.out.write(Table.columns(header: table.header, rows: table.rows))
                }
                for event in simulated.store.eventLog where event.type == "Warning" {
                    env.out.line("\(event.time)s  \(event.reason)  \(event.object.lowercased())  \(event.message)")
                }
            }
        } catch let rejection as ManifestRejection {
            if output.isJSON {
                env.out.line(try JSONOutput.string(Failure(errors: rejection.problems)))
            } else {
                env.err.line(rejection.description)
            }
            throw ExitCode.failure
        } catch let error as APIError {
            if output.isJSON {
                env.out.line(try JSONOutput.string(Failure(errors: [ManifestRejection.Problem(file: error.file ?? "", line: error.line ?? 0, column: error.line == nil ? 0 : 1, path: "", message: error.description)])))
                throw ExitCode.failure
            }
            throw UserError(error.description)
        }
    }
}
