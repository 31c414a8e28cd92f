import ArgumentParser
import KubeSim

/// `apply -f <file|dir>`: validates, then creates or updates each object (kubectl apply).
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Create or update objects in the simulated cluster from files (kubectl apply -f).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: [.customShort("f"), .customLong("filename")], help: ArgumentHelp("A manifest file or a directory of them.", valueName: "path"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("must specify one of -f and -k") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        let lines = try SimSession.with(global, mutating: true) { cluster in
            try cluster.apply(files.flatMap { try ManifestInput.objects(atPath: $0) })
        }
        if output.isJSON { env.out.line(try JSONOutput.string(lines)) } else { lines.forEach(env.out.line) }
    }
}
