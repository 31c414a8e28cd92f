import KubedrillSupport
import ArgumentParser
import KubeSim

/// `run web --image=nginx [--port=80] [--env=K=V] [--labels=a=b] [--restart=Never] [-- args…]`:
/// one Pod, as kubectl v1.33 builds it (pkg/generate/versioned/run.go, BasicPod).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create a Pod running one image (kubectl run).",
        discussion: "Words after -- are the container's args, or its command with --command. With --dry-run=client -o yaml the Pod is only printed: the usual start of a manifest.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions
    @OptionGroup var generator: GeneratorOutput

    @Argument(help: ArgumentHelp("The Pod's name.", valueName: "name"))
    var name: String?

    @Option(help: "The image of the Pod's container.")
    var image: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Labels, comma-separated (default: run=<name>).", valueName: "key=value,…"))
    var labels: String?

    @Option(help: ArgumentHelp("An environment variable of the container (repeatable).", valueName: "key=value"))
    var env: [String] = []

    @Option(help: "The port the container exposes.")
    var port: Int?

    @Option(help: ArgumentHelp("The Pod's restartPolicy: Always, OnFailure or Never.", valueName: "policy"))
    var restart = "Always"

    @Flag(help: "Make the words after -- the container's command instead of its args.")
    var command = false

    @Option(name: .customLong("image-pull-policy"), help: ArgumentHelp("Always, IfNotPresent or Never.", valueName: "policy"))
    var imagePullPolicy: String?

    @Option(help: ArgumentHelp("An annotation of the Pod (repeatable).", valueName: "key=value"))
    var annotations: [String] = []

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The container's args (or command with --command), after --.", valueName: "word"))
    var words: [String] = []

    func validate() throws {
        if name == nil { throw ValidationError("NAME is required for run") }
        if image == nil { throw ValidationError("required flag(s) \"image\" not set") }
        if !["Always", "OnFailure", "Never"].contains(restart) { throw ValidationError("invalid restart policy: \(restart)") }
        if let labels, GeneratedObject.labelMap(labels) == nil { throw ValidationError("invalid label spec: \(labels)") }
        for pair in env + annotations where KeyValue.split(pair) == nil { throw ValidationError("invalid env: \(pair)") }
    }

    func run() throws {
        guard let name, let image else { return }
        var request = GeneratedObject.PodRequest(name: name, image: image)
        request.labels = labels.flatMap(GeneratedObject.labelMap)
        request.env = env.compactMap(KeyValue.split)
        request.annotations = Dictionary(annotations.compactMap(KeyValue.split)) { _, last in last }
        request.port = port
        request.restartPolicy = restart
        request.words = words
        request.wordsAreCommand = command
        request.imagePullPolicy = imagePullPolicy
        var pod = GeneratedObject.pod(request)
        if let namespace = namespaces.namespace { pod = GeneratedObject.placed(pod, in: namespace) }
        try generator.emit(pod, command: "run", global: global)
    }
}
