import KubeModel

/// `kubectl rollout history` and `rollout undo` for Deployments (k8s.io/kubectl/pkg/polymorphichelpers
/// history.go `DeploymentHistoryViewer` and rollback.go `DeploymentRollbacker`, v1.33): a
/// revision is a ReplicaSet's `deployment.kubernetes.io/revision`; undo copies that ReplicaSet's
/// template back into the Deployment, and the controller then gives the reused ReplicaSet the
/// next revision number, so the old number leaves the history.
extension Cluster {
    static let changeCauseAnnotation = "kubernetes.io/change-cause"

    /// The text kubectl prints after `deployment.apps/web`: the REVISION / CHANGE-CAUSE table,
    /// or with `revision` that revision's pod template (with literal tabs, as kubectl writes it).
    public func rolloutHistory(_ key: ObjectKey, revision: Int64 = 0) throws -> String {
        let deployment = try rolloutDeployment(key, verb: "history viewer")
        if revision < 0 { throw RolloutError("revision must be a positive integer: \(revision)") }
        var templates: [Int64: PodTemplateSpec] = [:]
        for set in WorkloadDescribe.ownedReplicaSets(of: deployment, in: store) {
            guard let number = set.metadata.annotations?[DeploymentUtil.revisionAnnotation].flatMap({ Int64($0) }) else { continue }
            var template = set.spec?.template ?? PodTemplateSpec()
            if let cause = set.metadata.annotations?[Self.changeCauseAnnotation], !cause.isEmpty {
                var meta = template.metadata ?? ObjectMeta()
                meta.annotations = (meta.annotations ?? [:]).merging([Self.changeCauseAnnotation: cause]) { _, new in new }
                template.metadata = meta
            }
            templates[number] = template
        }
        if templates.isEmpty { return " \nNo rollout history found.\n" }
        if revision > 0 {
            guard let template = templates[revision] else { throw RolloutError("unable to find the specified revision") }
            var out = PrefixLines()
            PodTemplateText.describe(template, into: &out)
            return " with revision #\(revision)\n" + out.text + "\n"
        }
        var table = "REVISION\tCHANGE-CAUSE\n"
        for number in templates.keys.sorted() {
            let cause = templates[number]?.metadata?.annotations?[Self.changeCauseAnnotation] ?? ""
            table += "\(number)\t\(cause.isEmpty ? "<none>" : cause)\n"
        }
        return " \n" + TabWriter.format(table) + "\n"
    }

    /// `rollout undo [--to-revision N]`: returns kubectl's verb, `rolled back` or
    /// `skipped rollback (current template already matches revision N)`.
    public func rolloutUndo(_ key: ObjectKey, toRevision: Int64 = 0) throws -> String {
        var deployment = try rolloutDeployment(key, verb: "rollbacker")
        if toRevision < 0 { throw RolloutError("unable to find specified revision \(toRevision) in history") }
        let sets = WorkloadDescribe.ownedReplicaSets(of: deployment, in: store)
        var target: ReplicaSet?
        if toRevision > 0 {
            target = sets.first { DeploymentUtil.revision($0) == toRevision && $0.metadata.annotations?[DeploymentUtil.revisionAnnotation] != nil }
            guard target != nil else { throw RolloutError("unable to find specified revision \(toRevision) in history") }
        } else {
            // The second-highest revision: the one before the current.
            let numbered = sets.filter { $0.metadata.annotations?[DeploymentUtil.revisionAnnotation].flatMap { Int64($0) } != nil }
            target = numbered.sorted { DeploymentUtil.revision($0) > DeploymentUtil.revision($1) }.dropFirst().first
            guard target != nil else { throw RolloutError("no rollout history found for deployment \"\(key.name)\"") }
        }
        guard let target else { return "" }
        if deployment.spec?.paused == true {
            throw RolloutError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
        }
        let revision = DeploymentUtil.revision(target)
        if DeploymentUtil.equalIgnoringHash(target.spec?.template, deployment.spec?.template) {
            return "skipped rollback (current template already matches revision \(revision))"
        }
        var template = target.spec?.template ?? PodTemplateSpec()
        template.metadata?.labels?[DeploymentUtil.hashLabel] = nil
        var annotations: [String: String] = [:]
        for key in DeploymentUtil.annotationsNotCopied { if let value = deployment.metadata.annotations?[key] { annotations[key] = value } }
        for (key, value) in target.metadata.annotations ?? [:] where !DeploymentUtil.annotationsNotCopied.contains(key) { annotations[key] = value }
        deployment.spec?.template = template
        deployment.metadata.annotations = annotations.isEmpty ? nil : annotations
        do {
            try update(.deployment(deployment))
        } catch let error as APIError {
            throw RolloutError("failed restoring revision \(revision): \(error.message)")
        }
        return "rolled back"
    }

    /// The Deployment behind a rollout command; other kinds get kubectl's "not implemented"
    /// error, naming the kind as `schema.GroupKind.String()` does (`ReplicaSet.apps`), quoted
    /// for the history viewer and rollbacker (`%q`), bare for the status viewer (`%v`).
    func rolloutDeployment(_ key: ObjectKey, verb: String, quoted: Bool = true) throws -> Deployment {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        guard case .deployment(let deployment) = object else {
            let group = ResourceName.forKind(key.kind).group
            let kind = group.isEmpty ? key.kind : "\(key.kind).\(group)"
            throw RolloutError("no \(verb) has been implemented for \(quoted ? "\"\(kind)\"" : kind)")
        }
        return deployment
    }
}

/// A kubectl-side failure (`error: …`), as opposed to an API server error.
public struct RolloutError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
