import ArgumentParser
import KubeModel
import KubeSim

/// What every `create <kind> NAME` takes: the name, the namespace, `--dry-run` and `-o`.
struct CreateBasics: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions
    @OptionGroup var generator: GeneratorOutput

    @Argument(help: ArgumentHelp("The new object's name.", valueName: "name"))
    var name: String?

    func validate() throws {
        if name == nil { throw ValidationError("exactly one NAME is required, got 0") }
    }

    /// Places `object` in `-n`'s namespace when one was given, then prints, checks or creates it.
    func emit(_ object: JSONValue, command: String, namespaced: Bool = true) throws {
        let placed = namespaced ? namespaces.namespace.map { GeneratedObject.placed(object, in: $0) } ?? object : object
        try generator.emit(placed, command: command, global: global)
    }
}

/// `create deployment web --image=nginx [--replicas=3] [--port=80] [-- command…]`.
struct CreateDeploymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deployment", abstract: "Create a Deployment (labels and selector app=<name>).",
                                                    aliases: ["deploy"])

    @OptionGroup var basics: CreateBasics

    @Option(help: ArgumentHelp("An image to run, one container each (repeatable).", valueName: "image"))
    var image: [String] = []

    @Option(name: [.short, .long], help: "Number of replicas.")
    var replicas = 1

    @Option(help: "The port the first container exposes.")
    var port: Int?

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The containers' command, after --.", valueName: "word"))
    var command: [String] = []

    func validate() throws {
        if image.isEmpty { throw ValidationError("required flag(s) \"image\" not set") }
        if image.count > 1 && !command.isEmpty { throw ValidationError("cannot specify multiple --image options and command") }
    }

    func run() throws {
        var random = SeededRandom(seed: 0xC0DE)
        try basics.emit(GeneratedObject.deployment(name: basics.name ?? "", images: image, replicas: replicas, port: port,
                                                   command: command, random: &random), command: "create deployment")
    }
}

/// `create job pi --image=perl -- perl -e 'print 1'` or `create job manual --from=cronjob/backup`.
struct CreateJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Create a Job from an image or from a CronJob's template.")

    @OptionGroup var basics: CreateBasics

    @Option(help: "The image of the Job's container.")
    var image: String?

    @Option(help: ArgumentHelp("The resource to create the Job from (only cronjob/<name>).", valueName: "cronjob/name"))
    var from: String?

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The container's command, after --.", valueName: "word"))
    var command: [String] = []

    func validate() throws {
        if (image == nil) == (from == nil) { throw ValidationError("either --image or --from must be specified") }
        if from != nil && !command.isEmpty { throw ValidationError("cannot specify --from and command") }
    }

    func run() throws {
        let name = basics.name ?? ""
        if let image {
            try basics.emit(GeneratedObject.job(name: name, image: image, command: command), command: "create job")
            return
        }
        let target = try SimSession.single([from ?? ""], namespace: basics.namespaces.current)
        guard target.kind.kind == "CronJob" else { throw UserError("from must be an existing cronjob") }
        let cronJob = try SimSession.with(basics.global, mutating: false) { cluster -> CronJob in
            guard case .cronJob(let cronJob)? = cluster.get(target.key) else { throw APIError.notFound(target.key) }
            return cronJob
        }
        try basics.emit(try GeneratedObject.job(name: name, from: cronJob), command: "create job")
    }
}

/// `create cronjob backup --image=busybox --schedule="*/5 * * * *" [--restart=Never] [-- command…]`.
struct CreateCronJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cronjob", abstract: "Create a CronJob.", aliases: ["cj"])

    @OptionGroup var basics: CreateBasics

    @Option(help: "The image of the Jobs' container.")
    var image: String?

    @Option(help: ArgumentHelp("The schedule in cron format, e.g. \"*/5 * * * *\".", valueName: "cron"))
    var schedule: String?

    @Option(help: ArgumentHelp("The Jobs' restartPolicy: OnFailure or Never.", valueName: "policy"))
    var restart = "OnFailure"

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The container's command, after --.", valueName: "word"))
    var command: [String] = []

    func validate() throws {
        if image == nil { throw ValidationError("--image must be specified") }
        if schedule == nil { throw ValidationError("--schedule must be specified") }
    }

    func run() throws {
        try basics.emit(GeneratedObject.cronJob(name: basics.name ?? "", image: image ?? "", schedule: schedule ?? "",
                                                restartPolicy: restart, command: command), command: "create cronjob")
    }
}

/// `create namespace dev`.
struct CreateNamespaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "namespace", abstract: "Create a Namespace.", aliases: ["ns"])

    @OptionGroup var basics: CreateBasics

    func run() throws {
        try basics.emit(GeneratedObject.namespace(name: basics.name ?? ""), command: "create namespace", namespaced: false)
    }
}
