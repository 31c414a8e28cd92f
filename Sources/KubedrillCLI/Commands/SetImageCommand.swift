import ArgumentParser
import KubeSim

/// `set image deploy/web nginx=nginx:1.28 [sidecar=…]`, `*=image` for every container.
struct SetImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "image", abstract: "Change container images of a workload or pod (kubectl set image).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object (deploy/web or deploy web), then container=image pairs.", valueName: "kind/name container=image"))
    var words: [String] = []

    func run() throws {
        let env = CommandEnvironment.current
        let targetWords = words.first?.contains("/") == true ? 1 : 2
        let pairs = words.dropFirst(targetWords).map { word -> (String, String) in
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts.first ?? "", parts.count == 2 ? parts[1] : "")
        }
        guard !pairs.isEmpty, pairs.allSatisfy({ !$0.0.isEmpty && !$0.1.isEmpty }) else {
            throw ValidationError("at least one image update is required")
        }
        let target = try SimSession.single(Array(words.prefix(targetWords)), namespace: namespaces.current)
        try SimSession.with(global, mutating: true) { cluster in
            if try cluster.setImage(target.key, pairs.map { (container: $0.0, image: $0.1) }) {
                env.out.line("\(SimSession.displayName(target.kind, target.key.name)) image updated")
            }
        }
    }
}
