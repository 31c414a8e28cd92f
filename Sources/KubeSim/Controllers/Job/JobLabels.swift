import KubeModel

/// The well-known keys the Job API and controller put on pods (k8s.io/api/batch/v1 types.go, v1.33).
enum JobLabels {
    static let controllerUID = "batch.kubernetes.io/controller-uid"
    static let legacyControllerUID = "controller-uid"
    static let jobName = "batch.kubernetes.io/job-name"
    static let legacyJobName = "job-name"
    /// Label and annotation of an Indexed Job's pods; JOB_COMPLETION_INDEX reads the annotation.
    static let completionIndex = "batch.kubernetes.io/job-completion-index"
    /// Held by every pod until the controller has counted it in `status.succeeded`/`failed`
    /// (upstream: `batchv1.JobTrackingFinalizer`), so the count survives the pod's deletion.
    static let trackingFinalizer = "batch.kubernetes.io/job-tracking"
    static let completionIndexEnvironment = "JOB_COMPLETION_INDEX"
}

/// `generateSelector` (pkg/registry/batch/job/strategy.go `PrepareForCreate`, v1.33): unless
/// `manualSelector` is true, the API server labels the pod template with the Job's name and uid
/// (both the `batch.kubernetes.io/` keys and the legacy bare ones) and selects on the uid, so a
/// Job's pods can only ever match that Job. It needs the uid, so the store calls it on create.
/// (With `manualSelector` the labels are the user's, and SetDefaults_Job copies them likewise.)
enum JobSelector {
    static func generate(_ object: inout KubeObject) {
        object.editJob { job in
            let name = job.metadata.name ?? "", uid = job.metadata.uid ?? ""
            let labeled = !(job.metadata.labels ?? [:]).isEmpty
            // SetDefaults_Job copies the template's labels to a Job without labels; upstream runs
            // it on every decode from storage, so the generated ones show on the Job too.
            guard let labels = KubeObject.edit(&job.spec, { generate(&$0, name: name, uid: uid) }) ?? nil,
                  !labeled, !labels.isEmpty else { return }
            job.metadata.labels = labels
        }
    }

    /// Labels the template and selects on the uid; returns the template's labels.
    private static func generate(_ spec: inout JobSpec, name: String, uid: String) -> [String: String]? {
        guard spec.manualSelector != true else { return spec.template.metadata?.labels }
        var labels = spec.template.metadata?.labels ?? [:]
        labels.reserveCapacity(labels.count + 4)  // grown once, not for each label added
        // A label the user set is kept; a conflict is validation's business, as upstream.
        labels.insertIfAbsent(name, forKey: JobLabels.legacyJobName)
        labels.insertIfAbsent(name, forKey: JobLabels.jobName)
        labels.insertIfAbsent(uid, forKey: JobLabels.legacyControllerUID)
        labels.insertIfAbsent(uid, forKey: JobLabels.controllerUID)
        if case .none = spec.template.metadata { spec.template.metadata = ObjectMeta() }
        spec.template.metadata!.labels = labels
        if case .none = spec.selector { spec.selector = LabelSelector() }
        if case .none = spec.selector!.matchLabels { spec.selector!.matchLabels = [:] }
        spec.selector!.matchLabels!.insertIfAbsent(uid, forKey: JobLabels.controllerUID)
        return labels
    }
}
