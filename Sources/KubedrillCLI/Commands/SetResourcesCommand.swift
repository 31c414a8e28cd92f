import KubedrillSupport
import ArgumentParser
import KubeModel
import KubeSim

/// `set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m [-c main]`.
struct SetResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resources", abstract: "Set requests and limits of a workload's containers (kubectl set resources).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(name: [.short, .customLong("containers")], help: ArgumentHelp("The containers to change (a * glob).", valueName: "name"))
    var containers = "*"

    @Option(help: ArgumentHelp("Limits, comma-separated.", valueName: "cpu=200m,memory=512Mi"))
    var limits: String?

    @Option(help: ArgumentHelp("Requests, comma-separated.", valueName: "cpu=100m,memory=256Mi"))
    var requests: String?

    func validate() throws {
        if limits == nil && requests == nil { throw ValidationError("you must specify an update to requests or limits (in the form of --requests/--limits)") }
    }

    static func quantities(_ text: String?) throws -> [String: Quantity] {
        var values: [String: Quantity] = [:]
        for pair in (text ?? "").split(separator: ",") {
            guard let (name, amount) = KeyValue.split(pair), let quantity = try? Quantity(parsing: amount) else {
                throw UserError("invalid resource \"\(pair)\": expected name=quantity, such as cpu=200m or memory=512Mi")
            }
            values[name] = quantity
        }
        return values
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        let limitValues = try Self.quantities(limits), requestValues = try Self.quantities(requests)
        try SimSession.with(global, mutating: true) { cluster in
            if try cluster.setResources(target.key, containers: containers, limits: limitValues, requests: requestValues) {
                env.out.line("\(SimSession.displayName(target.kind, target.key.name)) resource requirements updated")
            }
        }
    }
}
