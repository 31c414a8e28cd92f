import KubeModel

/// Pods and workloads as `kubectl run` and `kubectl create deployment|job|cronjob` build them (v1.33).
extension GeneratedObject {
    /// What `kubectl run` puts in its Pod (pkg/generate/versioned/run.go, BasicPod).
    public struct PodRequest: Sendable {
        public var name: String
        public var image: String
        /// `--labels`; upstream's default is `run=<name>`.
        public var labels: [String: String]?
        public var annotations: [String: String] = [:]
        public var env: [(String, String)] = []
        public var port: Int?
        /// `Always` (the default), `OnFailure` or `Never`.
        public var restartPolicy = "Always"
        /// The words after `--`: arguments, or the command itself with `--command`.
        public var words: [String] = []
        public var wordsAreCommand = false
        public var imagePullPolicy: String?
        public var serviceAccount: String?

        public init(name: String, image: String) {
            self.name = name
            self.image = image
        }
    }

    public static func pod(_ request: PodRequest) -> JSONValue {
        let container = container(name: request.name, image: request.image,
                                  command: request.wordsAreCommand ? request.words : [],
                                  args: request.wordsAreCommand ? [] : request.words,
                                  ports: request.port.map { [$0] } ?? [], env: request.env, imagePullPolicy: request.imagePullPolicy)
        var spec: [String: JSONValue] = ["containers": .array([container]), "dnsPolicy": .string("ClusterFirst"),
                                         "restartPolicy": .string(request.restartPolicy)]
        if let account = request.serviceAccount { spec["serviceAccountName"] = .string(account) }
        return object(apiVersion: "v1", kind: "Pod",
                      metadata: metadata(name: request.name, labels: request.labels ?? ["run": request.name], annotations: request.annotations),
                      ["spec": .object(spec), "status": .object([:])])
    }

    /// `kubectl create deployment` (create_deployment.go): labels and selector `app=<name>`, one
    /// container per image, `--port` on the first.
    public static func deployment(name: String, images: [String], replicas: Int, port: Int?,
                                  command: [String], random: inout SeededRandom) -> JSONValue {
        let labels = ["app": name]
        var containers = images.map { container(name: containerName(forImage: $0, random: &random), image: $0, command: command) }
        if let port, case .object(var first)? = containers.first {
            first["ports"] = .array([.object(["containerPort": .int(Int64(port))])])
            containers[0] = .object(first)
        }
        let template: JSONValue = .object(["metadata": metadata(name: nil, labels: labels), "spec": .object(["containers": .array(containers)])])
        return object(apiVersion: "apps/v1", kind: "Deployment", metadata: metadata(name: name, labels: labels), [
            "spec": .object(["replicas": .int(Int64(replicas)), "selector": .object(["matchLabels": strings(labels)]),
                             "strategy": .object([:]), "template": template]),
            "status": .object([:]),
        ])
    }

    /// `kubectl create job --image` (create_job.go): one container named after the Job, restartPolicy Never.
    public static func job(name: String, image: String, command: [String]) -> JSONValue {
        object(apiVersion: "batch/v1", kind: "Job", metadata: metadata(name: name), [
            "spec": .object(["template": podTemplate(name: name, image: image, command: command, restartPolicy: "Never")]),
            "status": .object([:]),
        ])
    }

    /// `kubectl create job --from=cronjob/<name>` (create_job.go, createJobFromCronJob): the
    /// CronJob's job template, annotated `cronjob.kubernetes.io/instantiate: manual`, owned by the
    /// CronJob (controller, without blockOwnerDeletion).
    public static func job(name: String, from cronJob: CronJob) throws -> JSONValue {
        let template = cronJob.spec?.jobTemplate
        var annotations = ["cronjob.kubernetes.io/instantiate": "manual"]
        let templateAnnotations: [String: String] = template?.metadata?.annotations ?? [:]
        for (key, value) in templateAnnotations { annotations[key] = value }
        let owner: JSONValue = .object([
            "apiVersion": .string("batch/v1"), "kind": .string("CronJob"), "name": .string(cronJob.metadata.name ?? ""),
            "uid": .string(cronJob.metadata.uid ?? ""), "controller": .bool(true),
        ])
        let spec = try KubeObject.cronJob(cronJob).jsonValue()[path: ["spec", "jobTemplate", "spec"]] ?? .object([:])
        return object(apiVersion: "batch/v1", kind: "Job",
                      metadata: metadata(name: name, labels: template?.metadata?.labels ?? [:], annotations: annotations,
                                         extra: ["ownerReferences": .array([owner])]),
                      ["spec": spec, "status": .object([:])])
    }

    /// `kubectl create cronjob` (create_cronjob.go): restartPolicy from `--restart`, default OnFailure.
    public static func cronJob(name: String, image: String, schedule: String, restartPolicy: String,
                               command: [String]) -> JSONValue {
        let jobTemplate: JSONValue = .object([
            "metadata": metadata(name: name),
            "spec": .object(["template": podTemplate(name: name, image: image, command: command, restartPolicy: restartPolicy)]),
        ])
        return object(apiVersion: "batch/v1", kind: "CronJob", metadata: metadata(name: name), [
            "spec": .object(["schedule": .string(schedule), "jobTemplate": jobTemplate]),
            "status": .object([:]),
        ])
    }

    static func podTemplate(name: String, image: String, command: [String], restartPolicy: String) -> JSONValue {
        .object([
            "metadata": metadata(name: nil),
            "spec": .object(["containers": .array([container(name: name, image: image, command: command)]),
                             "restartPolicy": .string(restartPolicy)]),
        ])
    }
}

extension JSONValue {
    /// The value at a path of object keys, if every step is an object holding the key.
    public subscript(path path: [String]) -> JSONValue? {
        var value = self
        for key in path {
            guard case .object(let fields) = value, let next = fields[key] else { return nil }
            value = next
        }
        return value
    }
}
