import ArgumentParser
import Foundation
import KubeModel
import KubeSim
import Terminal

/// `get <kind> [name] [-o wide|yaml|json|name] [-l selector] [-n ns|-A] [--show-labels]`.
struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "List objects of the simulated cluster with kubectl's columns.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind and optional names: pods, pod web, deploy/web.", valueName: "kind [name]"))
    var words: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output format: wide, yaml, json or name.")
    var output: String?

    @Option(name: [.customShort("l"), .customLong("selector")], help: "Label selector, e.g. app=web,tier!=db.")
    var selector: String?

    @Flag(name: .customLong("show-labels"), help: "Add a LABELS column.")
    var showLabels = false

    func validate() throws {
        if let output, !["wide", "yaml", "json", "name"].contains(output) {
            throw ValidationError("unable to match a printer suitable for the output format \"\(output)\", allowed formats are: json,name,wide,yaml")
        }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.target(words)
        let matcher = try selector.map(LabelSelectorText.init(parsing:))
        try SimSession.with(global, mutating: false) { cluster in
            // The API server's warning header on any v1 Endpoints request, which kubectl prints first.
            if target.kind.kind == "Endpoints" { env.err.line("Warning: " + EndpointsText.deprecationWarning) }
            var objects: [KubeObject]
            if target.names.isEmpty {
                let scope = namespaces.allNamespaces ? nil : namespaces.current
                objects = cluster.store.list(kind: target.kind.kind, namespace: target.kind.isNamespaced ? scope : nil)
                objects = objects.filter { matcher?.matches($0.meta.labels) ?? true }
            } else {
                objects = try target.names.map { name in
                    let key = SimSession.key(target.kind, name, namespace: namespaces.current)
                    guard let object = cluster.get(key) else { throw APIError.notFound(key) }
                    return object
                }
            }
            try print(objects, kind: target.kind, cluster: cluster, env: env)
        }
    }

    private func print(_ objects: [KubeObject], kind: ResourceName, cluster: Cluster, env: CommandEnvironment) throws {
        switch output {
        case "name":
            for object in objects { env.out.line(SimSession.displayName(kind, object.meta.name ?? "")) }
        case "json", "yaml":
            let values = try objects.map { try $0.jsonValue() }
            let value: JSONValue = values.count == 1 && !words.dropFirst().isEmpty || values.count == 1 && words.first?.contains("/") == true
                ? values[0] : .object(["apiVersion": .string("v1"), "kind": .string("List"), "items": .array(values), "metadata": .object(["resourceVersion": .string("")])])
            if output == "yaml" {
                env.out.write(YAMLText.render(value))
            } else {
                env.out.line(try JSONOutput.string(value))
            }
        default:
            guard !objects.isEmpty else {
                env.err.line(namespaces.allNamespaces ? "No resources found" : "No resources found in \(namespaces.current) namespace.")
                return
            }
            let table = ResourceTable.make(objects, kind: kind.kind, now: cluster.now, wide: output == "wide",
                                           allNamespaces: namespaces.allNamespaces, showLabels: showLabels)
            env.out.write(Table.columns(header: table.header, rows: table.rows))
        }
    }
}
