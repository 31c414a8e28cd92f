import KubedrillSupport
import ArgumentParser
import Foundation
import KubeSim

/// `--from-literal`, `--from-file` and `--from-env-file`: the data of `create configmap` and
/// `create secret generic`, read as kubectl reads them (pkg/cmd/create/create_configmap.go).
struct DataSources: ParsableArguments {
    @Option(name: .customLong("from-literal"), help: ArgumentHelp("A key and its value (repeatable).", valueName: "key=value"))
    var literals: [String] = []

    @Option(name: .customLong("from-file"), help: ArgumentHelp(
        "A file (its name is the key unless key= is given), or a directory: each regular file in it (repeatable).",
        valueName: "[key=]path"))
    var files: [String] = []

    @Option(name: .customLong("from-env-file"), help: ArgumentHelp("A file of KEY=value lines (repeatable).", valueName: "path"))
    var envFiles: [String] = []

    func entries() throws -> [GeneratedObject.DataEntry] {
        var entries: [GeneratedObject.DataEntry] = []
        for literal in literals {
            guard let (key, value) = KeyValue.split(literal) else { throw UserError("invalid literal source \(literal), expected key=value") }
            entries.append(.init(key: key, bytes: Data(value.utf8)))
        }
        for source in files {
            let named = KeyValue.split(source)
            let (key, path) = named.map { (Optional($0.key), $0.value) } ?? (nil, source)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UserError("error reading \(path): no such file or directory")
            }
            if isDirectory.boolValue {
                if key != nil { throw UserError("cannot give a key name for a directory path") }
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                for name in names {
                    let file = URL(fileURLWithPath: path).appendingPathComponent(name)
                    guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                    entries.append(.init(key: name, bytes: try Data(contentsOf: file)))
                }
            } else {
                let url = URL(fileURLWithPath: path)
                entries.append(.init(key: key ?? url.lastPathComponent, bytes: try Data(contentsOf: url)))
            }
        }
        for path in envFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserError("error reading \(path): cannot read the file as UTF-8") }
            for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let (key, value) = KeyValue.split(line) else { throw UserError("\(path):\(offset + 1): \"\(line)\" is not a KEY=value line") }
                entries.append(.init(key: key, bytes: Data(value.utf8)))
            }
        }
        return entries
    }
}

/// `create configmap settings --from-literal=mode=fast --from-file=app.conf`.
struct CreateConfigMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "configmap", abstract: "Create a ConfigMap from literals, files or env files.", aliases: ["cm"])

    @OptionGroup var basics: CreateBasics
    @OptionGroup var sources: DataSources

    func run() throws {
        let name = basics.name ?? ""
        let entries = try sources.entries()
        if let problem = GeneratedObject.dataProblem(entries, kind: "ConfigMap", name: name) { throw UserError(problem) }
        try basics.emit(GeneratedObject.configMap(name: name, entries: entries), command: "create configmap")
    }
}

/// `create secret generic`: the one kind of `create secret` kept here (docker-registry and tls need certificates).
struct CreateSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "secret", abstract: "Create a Secret.", subcommands: [CreateGenericSecretCommand.self])
}

/// `create secret generic db --from-literal=password=s3cret`: values are base64 in `data`, not encrypted.
struct CreateGenericSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generic", abstract: "Create a Secret from literals, files or env files.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var sources: DataSources

    @Option(help: ArgumentHelp("The Secret's type (default: the server's Opaque).", valueName: "type"))
    var type: String?

    func run() throws {
        let name = basics.name ?? ""
        let entries = try sources.entries()
        if let problem = GeneratedObject.dataProblem(entries, kind: "Secret", name: name) { throw UserError(problem) }
        try basics.emit(GeneratedObject.secret(name: name, entries: entries, type: type), command: "create secret generic")
    }
}

/// `create service clusterip|nodeport NAME --tcp=port[:targetPort]`: selector app=<name>.
struct CreateServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "Create a Service.",
                                                    subcommands: [CreateClusterIPServiceCommand.self, CreateNodePortServiceCommand.self], aliases: ["svc"])
}

/// The flags both Service kinds share.
struct ServicePorts: ParsableArguments {
    @Option(help: ArgumentHelp("A port and, after a colon, the target port (repeatable).", valueName: "port[:targetPort]"))
    var tcp: [String] = []

    func requests(nodePort: Int? = nil) throws -> [GeneratedObject.ServicePortRequest] {
        guard !tcp.isEmpty else { throw UserError("at least one tcp port specifier must be provided") }
        return try tcp.map { text in
            guard var request = GeneratedObject.ServicePortRequest.parse(tcp: text) else { throw UserError("invalid port \"\(text)\": expected port[:targetPort] with ports 1–65535") }
            request.nodePort = nodePort
            return request
        }
    }
}

struct CreateClusterIPServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clusterip", abstract: "Create a ClusterIP Service.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var ports: ServicePorts

    @Option(name: .customLong("clusterip"), help: ArgumentHelp("The cluster IP, or None for a headless Service.", valueName: "ip"))
    var clusterIP: String?

    func run() throws {
        let name = basics.name ?? ""
        let requests = clusterIP == "None" && ports.tcp.isEmpty ? [] : try ports.requests()
        try basics.emit(GeneratedObject.service(name: name, type: "ClusterIP", labels: ["app": name], selector: ["app": name],
                                                ports: requests, clusterIP: clusterIP), command: "create service clusterip")
    }
}

struct CreateNodePortServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nodeport", abstract: "Create a NodePort Service.")

    @OptionGroup var basics: CreateBasics
    @OptionGroup var ports: ServicePorts

    @Option(name: .customLong("node-port"), help: "The node port (default: one the server picks in 30000–32767).")
    var nodePort: Int?

    func run() throws {
        let name = basics.name ?? ""
        try basics.emit(GeneratedObject.service(name: name, type: "NodePort", labels: ["app": name], selector: ["app": name],
                                                ports: try ports.requests(nodePort: nodePort)), command: "create service nodeport")
    }
}
