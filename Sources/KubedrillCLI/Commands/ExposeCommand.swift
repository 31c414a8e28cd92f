import ArgumentParser
import KubeModel
import KubeSim

/// `expose deployment web --port=80 [--target-port=8080] [--type=NodePort] [--name=web-svc]`:
/// a Service selecting what the object selects (kubectl expose, v1.33).
struct ExposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expose", abstract: "Create a Service for a Pod, Service, ReplicationController, Deployment or ReplicaSet (kubectl expose).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions
    @OptionGroup var generator: GeneratorOutput

    @Argument(help: ArgumentHelp("What to expose: deployment/web or deployment web.", valueName: "kind/name"))
    var words: [String] = []

    @Option(help: "The Service's port (default: the object's container ports).")
    var port: Int?

    @Option(name: .customLong("target-port"), help: ArgumentHelp("The port, number or name, traffic goes to on the pods (default: --port).", valueName: "port"))
    var targetPort: String?

    @Option(help: ArgumentHelp("ClusterIP, NodePort, LoadBalancer or ExternalName (default: the server's ClusterIP).", valueName: "type"))
    var type: String?

    @Option(help: "The Service's name (default: the object's).")
    var name: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The Service's selector instead of the object's.", valueName: "key=value,…"))
    var selector: String?

    func validate() throws {
        if let type, !["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].contains(type) {
            throw ValidationError("invalid service type \"\(type)\": ClusterIP, NodePort, LoadBalancer or ExternalName")
        }
        if let selector, GeneratedObject.labelMap(selector) == nil { throw ValidationError("invalid selector \"\(selector)\": expected key=value,…") }
    }

    func run() throws {
        let target = try SimSession.single(words, namespace: namespaces.current)
        let kind = target.kind.kind
        guard ExposeGenerator.kinds.contains(kind) else {
            throw UserError("cannot expose a \(kind): only pods, services, replicationcontrollers, deployments and replicasets can be exposed")
        }
        let object = try SimSession.with(global, mutating: false) { cluster -> JSONValue in
            guard let live = cluster.get(target.key) else { throw APIError.notFound(target.key) }
            return try live.jsonValue()
        }
        let chosen = try selector.flatMap(GeneratedObject.labelMap) ?? ExposeGenerator.selector(of: object, kind: kind, name: target.key.name)
        guard !chosen.isEmpty else {
            throw UserError("couldn't retrieve selectors via --selector flag or introspection: the \(kind.lowercased()) \(target.key.name) has no labels to select")
        }
        let ports = port.map { [$0] } ?? ExposeGenerator.ports(of: object, kind: kind)
        guard !ports.isEmpty else { throw UserError("couldn't find port via --port flag or introspection") }
        var service = ExposeGenerator.service(name: name ?? target.key.name, exposing: object, kind: kind, ports: ports,
                                              targetPort: targetPort, type: type, selector: chosen)
        if let namespace = namespaces.namespace { service = GeneratedObject.placed(service, in: namespace) }
        try generator.emit(service, command: "expose", verb: "exposed", global: global)
    }
}
