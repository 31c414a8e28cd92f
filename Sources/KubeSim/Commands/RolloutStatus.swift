import KubeModel

/// `kubectl rollout status` for Deployments (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go,
/// v1.33 `DeploymentStatusViewer.Status`), watched on the virtual clock: the clock moves from
/// one due reconcile to the next, and the message is printed each time the Deployment changed,
/// as kubectl prints it on every watch event.
extension Cluster {
    /// The viewer: the message, and whether the rollout is done; a rollout past its progress
    /// deadline is an error (`deployment "web" exceeded its progress deadline`).
    public static func rolloutStatus(of deployment: Deployment) throws -> (message: String, done: Bool) {
        let name = deployment.metadata.name ?? ""
        let status = deployment.status ?? DeploymentStatus()
        guard (deployment.metadata.generation ?? 1) <= (status.observedGeneration ?? 0) else {
            return ("Waiting for deployment spec update to be observed...", false)
        }
        if DeploymentConditions.get("Progressing", in: status)?.reason == DeploymentConditions.timedOut {
            throw RolloutError("deployment \"\(name)\" exceeded its progress deadline")
        }
        let desired = DeploymentUtil.replicas(deployment)
        let updated = status.updatedReplicas ?? 0, replicas = status.replicas ?? 0, available = status.availableReplicas ?? 0
        if updated < desired {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \(updated) out of \(desired) new replicas have been updated...", false)
        }
        if replicas > updated {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \(replicas - updated) old replicas are pending termination...", false)
        }
        if available < updated {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \(available) of \(updated) updated replicas are available...", false)
        }
        return ("deployment \"\(name)\" successfully rolled out", true)
    }

    /// Watches until done, an error, or `timeout` of virtual time (kubectl's
    /// `timed out waiting for the condition`); `emit` gets each message as kubectl prints it.
    public func watchRolloutStatus(_ key: ObjectKey, timeout: VirtualDuration, watch: Bool = true, emit: (String) -> Void) throws {
        var deployment = try rolloutDeployment(key, verb: "status viewer", quoted: false)
        var (message, done) = try Self.rolloutStatus(of: deployment)
        emit(message)
        if done || !watch { return }
        let deadline = now + timeout
        while now < deadline {
            if let item = runner.nextItem(notAfter: deadline), item.due > now {
                try advance(by: item.due - now)
            } else if runner.nextItem(notAfter: deadline) != nil {
                try settle()
            } else {
                try advance(by: deadline - now)
            }
            guard case .deployment(let current)? = store.get(key) else { throw APIError.notFound(key) }
            guard current.metadata.resourceVersion != deployment.metadata.resourceVersion else { continue }
            deployment = current
            (message, done) = try Self.rolloutStatus(of: deployment)
            emit(message)
            if done { return }
        }
        throw RolloutError("timed out waiting for the condition")
    }
}
