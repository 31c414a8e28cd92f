import KubedrillSupport
import KubeModel

/// Pods a Job creates and deletes (job_controller.go `manageJob`, indexed_job_utils.go
/// `addCompletionIndexEnvVariables`, `addCompletionIndexAnnotation`, v1.33). Every pod holds the
/// tracking finalizer until the controller has counted it; an Indexed Job's pod is named
/// `<job>-<index>-<random>`, labelled and annotated with its index, gets `JOB_COMPLETION_INDEX`
/// from that annotation and the hostname `<job>-<index>`.
struct JobPods {
    let job: Job
    let podControl: PodControl
    let client: ControllerClient
    /// Wrapped once: each `.job(job)` boxed a copy of the Job.
    let owner: KubeObject

    init(job: Job, podControl: PodControl, client: ControllerClient) {
        self.job = job
        self.podControl = podControl
        self.client = client
        owner = .job(job)
    }

    static let component = "job-controller"

    /// Creates pods for `indexes` (nil entries for NonIndexed pods) in slow-start batches of
    /// 1, 2, 4…, stopping after a batch with a failure (a quota refusal costs one attempt).
    func create(_ indexes: [Int32?]) {
        var remaining = indexes[...]
        var batch = 1
        while !remaining.isEmpty {
            var failed = false
            for index in remaining.prefix(batch) {
                if podControl.create(pod(index: index), owner: owner) == nil { failed = true }
            }
            remaining = remaining.dropFirst(batch)
            if failed { break }
            batch *= 2
        }
    }

    func pod(index: Int32?) -> Pod {
        let name = job.metadata.name ?? ""
        var pod = PodTemplate.pod(from: job.$spec.read(\.template), owner: owner,
                                  generateName: index.map { String(concatenating: name, "-", String($0), "-") } ?? String(concatenating: name, "-"))
        if case .none = pod.metadata.finalizers { pod.metadata.finalizers = [JobLabels.trackingFinalizer] } else { pod.metadata.finalizers!.append(JobLabels.trackingFinalizer) }
        guard let index else { return pod }
        pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging([JobLabels.completionIndex: String(index)]) { $1 }
        pod.metadata.labels = (pod.metadata.labels ?? [:]).merging([JobLabels.completionIndex: String(index)]) { $1 }
        if var spec = pod.spec {
            if (spec.hostname ?? "").isEmpty { spec.hostname = "\(name)-\(index)" }
            spec.containers = spec.containers.map(Self.withIndexEnvironment)
            spec.initContainers = spec.initContainers?.map(Self.withIndexEnvironment)
            pod.spec = spec
        }
        return pod
    }

    /// `JOB_COMPLETION_INDEX` from the downward API, unless the container defines it itself.
    private static func withIndexEnvironment(_ container: Container) -> Container {
        var container = container
        guard !(container.env ?? []).contains(where: { $0.name == JobLabels.completionIndexEnvironment }) else { return container }
        var variable = EnvVar()
        variable.name = JobLabels.completionIndexEnvironment
        var source = EnvVarSource()
        var field = ObjectFieldSelector()
        field.fieldPath = "metadata.annotations['\(JobLabels.completionIndex)']"
        source.fieldRef = field
        variable.valueFrom = source
        container.env = (container.env ?? []) + [variable]
        return container
    }

    /// Deletes pods, first dropping the tracking finalizer (the sync has already counted them,
    /// or decided they do not count).
    func delete(_ pods: [Pod]) {
        for pod in pods {
            removeTrackingFinalizer(pod)
            podControl.delete(.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"), owner: owner)
        }
    }

    func removeTrackingFinalizer(_ pod: Pod) {
        let key = ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default")
        guard case .pod(var live)? = client.store.get(key),
              let finalizers = live.metadata.finalizers, finalizers.contains(JobLabels.trackingFinalizer) else { return }
        let kept = finalizers.filter { $0 != JobLabels.trackingFinalizer }
        live.metadata.finalizers = kept.isEmpty ? nil : kept
        client.updateStatus(.pod(live), at: key)
    }

    static func isTracked(_ pod: Pod) -> Bool { pod.metadata.finalizers?.contains(JobLabels.trackingFinalizer) ?? false }
}
