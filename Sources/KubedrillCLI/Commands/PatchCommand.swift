import ArgumentParser
import Foundation
import KubeModel
import KubeSim

/// `patch <kind> <name> -p '{…}' [--type strategic|merge]`.
struct PatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patch", abstract: "Change fields of an object with a JSON patch (kubectl patch).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("Kind and name: deploy web.", valueName: "kind name"))
    var words: [String] = []

    @Option(name: [.short, .long], help: "The patch, as JSON.")
    var patch: String

    @Option(name: .long, help: "strategic (default) merges lists by key; merge is a JSON merge patch.")
    var type: String = "strategic"

    func validate() throws {
        guard ["strategic", "merge"].contains(type) else { throw ValidationError("--type must be strategic or merge (json patches are not simulated)") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.target(words)
        guard let name = target.names.first else { throw ValidationError("expected: kind name") }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(patch.utf8)) else {
            throw UserError("error: unable to parse \"\(patch)\": the patch is not valid JSON")
        }
        try SimSession.with(global, mutating: true) { cluster in
            try cluster.patch(SimSession.key(target.kind, name, namespace: namespaces.current), patch: value, strategic: type == "strategic")
            env.out.line("\(target.kind.kind.lowercased())\(target.kind.group.isEmpty ? "" : "." + target.kind.group)/\(name) patched")
        }
    }
}
