import ArgumentParser
import Foundation
import KubeModel
import KubeSim

/// `--dry-run` and `-o` of the commands that build an object from flags (`run`, `create
/// deployment`, `expose`…), and what they do with it: print it, check it on the server, or create it.
struct GeneratorOutput: ParsableArguments {
    @Option(name: .customLong("dry-run"), help: ArgumentHelp(
        "none (create it), client (only print the object) or server (check it as the API server would, without saving).",
        valueName: "strategy"))
    var dryRun: String = "none"

    @Option(name: [.short, .long], help: ArgumentHelp("Print the object as yaml, json or name instead of a one-line result.", valueName: "format"))
    var output: String?

    func validate() throws {
        guard ["none", "client", "server"].contains(dryRun) else {
            throw ValidationError("Invalid dry-run value (\(dryRun)). Must be \"none\", \"server\", or \"client\".")
        }
        if let output, !["yaml", "json", "name"].contains(output) {
            throw ValidationError("unable to match a printer suitable for the output format \"\(output)\", allowed formats are: json,name,yaml")
        }
    }

    /// Validates `generated` as `kubectl apply` would, then prints, checks or creates it. `verb`
    /// is the past tense kubectl uses (`created`, `exposed`).
    func emit(_ generated: JSONValue, command: String, verb: String = "created", global: GlobalOptions) throws {
        let env = CommandEnvironment.current
        let object: KubeObject
        do {
            guard let first = try ManifestInput.objects(fromYAML: YAMLText.render(generated), file: command).first?.object else {
                throw UserError("\(command) built no object")
            }
            object = first
        } catch let rejection as ManifestRejection {
            // Upstream's wording for an invalid object (StatusError of reason Invalid); the
            // lines of YAML the flags became mean nothing to the user, so they are left out.
            let kind = generated[path: ["kind"]].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "object"
            let name = generated[path: ["metadata", "name"]].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
            throw UserError("The \(kind) \"\(name)\" is invalid: " + rejection.problems.map { ($0.path.isEmpty ? "" : $0.path + ": ") + $0.message }.joined(separator: ", "))
        }
        switch dryRun {
        case "client":
            try print(object, json: generated, suffix: " (dry run)", verb: verb, env: env)
        case "server":
            let checked = try SimSession.with(global, mutating: false) { cluster in try cluster.dryRunCreate(object) }
            try print(checked, json: try checked.jsonValue(), suffix: " (server dry run)", verb: verb, env: env)
        default:
            let created = try SimSession.with(global, mutating: true) { cluster in try cluster.create(object) }
            try print(created, json: try created.jsonValue(), suffix: "", verb: verb, env: env)
        }
    }

    private func print(_ object: KubeObject, json: JSONValue, suffix: String, verb: String, env: CommandEnvironment) throws {
        let name = SimSession.displayName(ResourceName.forKind(object.kind), object.meta.name ?? "")
        switch output {
        case "yaml":
            env.out.write(YAMLText.render(json))
        case "json":
            env.out.line(try JSONOutput.string(json))
        case "name":
            env.out.line(name)
        default:
            env.out.line("\(name) \(verb)\(suffix)")
        }
    }
}
