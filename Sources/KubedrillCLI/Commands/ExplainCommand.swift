import ArgumentParser
import KubeModel

/// `explain <kind>[.field.path]`: field documentation like `kubectl explain`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Describe a kind or one of its fields, like kubectl explain.",
        discussion: "Examples: explain deployment, explain deploy.spec.strategy, explain pod.spec.containers.resources.")

    @Argument(help: ArgumentHelp("A kind (or short name) and optional field path, joined by dots.", valueName: "kind[.field.path]"))
    var target: String?

    @Option(name: .customLong("api-version"), help: "The apiVersion to explain when a kind has several (autoscaling/v1).")
    var apiVersion: String?

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if (target ?? "").isEmpty { throw ValidationError("Name a kind: explain <kind>[.field.path], e.g. explain deployment.spec.") }
    }

    func run() throws {
        let env = CommandEnvironment.current
        do {
            let text = try Explainer().explain(target ?? "", apiVersion: apiVersion)
            if output.isJSON {
                env.out.line(try JSONOutput.string(["target": target ?? "", "text": text]))
            } else {
                env.out.line(text)
            }
        } catch let failure as Explainer.Failure {
            env.err.line("kubedrill: " + failure.description)
            throw ExitCode.failure
        }
    }
}
