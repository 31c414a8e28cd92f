import KubeModel
@testable import KubeSim

/// Job and CronJob manifests and lookups the batch tests share.
enum BatchFixtures {
    /// A Job running `script` under `sh -c` in busybox.
    static func job(_ name: String = "pi", script: String = "echo done", restartPolicy: String = "Never", spec: String = "", container: String = "") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: \(name)}
        spec:
        \(spec)
          template:
            spec:
              restartPolicy: \(restartPolicy)
              containers:
              - name: main
                image: "busybox:1.36"
                command: [sh, -c, "\(script)"]
        \(container)
        """
    }

    static func cronJob(_ name: String = "hello", schedule: String = "*/5 * * * *", script: String = "echo hello", spec: String = "", jobSpec: String = "") -> String {
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: \(name)}
        spec:
          schedule: "\(schedule)"
        \(spec)
          jobTemplate:
            spec:
        \(jobSpec)
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: "busybox:1.36"
                    command: [sh, -c, "\(script)"]
        """
    }
}

extension Cluster {
    func job(_ name: String = "pi") -> Job? {
        if case .job(let job)? = get(ObjectKey(kind: "Job", namespace: "default", name: name)) { return job }
        return nil
    }

    func cronJob(_ name: String = "hello") -> CronJob? {
        if case .cronJob(let cronJob)? = get(ObjectKey(kind: "CronJob", namespace: "default", name: name)) { return cronJob }
        return nil
    }

    var jobs: [Job] { store.list(kind: "Job", namespace: "default").compactMap { if case .job(let job) = $0 { return job } else { return nil } } }

    /// The Job's pods (by the `batch.kubernetes.io/job-name` label), oldest first.
    func pods(ofJob name: String = "pi") -> [Pod] {
        store.pods.filter { $0.metadata.labels?["batch.kubernetes.io/job-name"] == name }
            .sorted { ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") < ($1.metadata.creationTimestamp ?? "", $1.metadata.name ?? "") }
    }

    func condition(_ type: String, of name: String = "pi") -> JobCondition? {
        job(name)?.status?.conditions?.first { $0.type == type }
    }

    /// Patches `spec.suspend` as `kubectl patch job pi -p '{"spec":{"suspend":true}}'` does.
    func setSuspend(_ value: Bool, kind: String = "Job", name: String = "pi") throws {
        try patch(ObjectKey(kind: kind, namespace: "default", name: name), patch: .object(["spec": .object(["suspend": .bool(value)])]), strategic: false)
    }
}

extension Pod {
    var createdAt: Int64 { metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:))?.seconds ?? -1 }
    var finishedAt: Int64 { status?.containerStatuses?.first?.state?.terminated?.finishedAt.flatMap(VirtualTime.init(rfc3339:))?.seconds ?? -1 }
}

extension String {
    var virtualSeconds: Int64 { VirtualTime(rfc3339: self)?.seconds ?? -1 }
}
