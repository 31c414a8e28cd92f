import KubeModel

/// Rolls Deployments out through ReplicaSets (pkg/controller/deployment/deployment_controller.go,
/// v1.33 `syncDeployment`): claims ReplicaSets, then a paused Deployment or a scaling event only
/// resizes them (proportionally), and otherwise Recreate or RollingUpdate moves pods from the old
/// ReplicaSets to the one whose template matches. Revisions, replicas annotations and conditions
/// live in the objects, so a reloaded cluster continues where it stopped.
struct DeploymentController: Controller {
    /// Sorts after `workload-replicaset`, so at one instant the Deployment is synced after its
    /// ReplicaSets' statuses are fresh (upstream: the ReplicaSet status update is what wakes the
    /// deployment controller). Events name the component `deployment-controller`.
    let name = "workload-rollout"
    let watchedKinds: Set<String>? = ["Deployment", "ReplicaSet", "Pod"]
    let primaryKinds: Set<String>? = ["Deployment"]
    unowned let cluster: Cluster

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Deployment":
            return [event.key]
        case "ReplicaSet":
            // addReplicaSet/updateReplicaSet/deleteReplicaSet: the owner, or for an orphan every
            // Deployment that could adopt it.
            if let reference = ControllerRef.of(event.object) {
                guard reference.kind == "Deployment", let owner = store.object(withUID: reference.uid), owner.kind == "Deployment" else { return [] }
                return [owner.key]
            }
            guard event.type != .deleted else { return [] }
            let labels = event.object.withMetadata(\.labels) ?? [:]
            return store.list(kind: "Deployment", namespace: event.key.namespace).compactMap { object in
                guard case .deployment(let deployment) = object, let selector = deployment.spec?.selector,
                      !selector.isEmpty, selector.matches(labels) else { return nil }
                return object.key
            }
        case "Pod":
            // deletePod: a Recreate rollout waits for the old pods to be gone.
            guard event.type == .deleted, let setReference = ControllerRef.of(event.object),
                  let set = store.object(withUID: setReference.uid), let reference = ControllerRef.of(set),
                  reference.kind == "Deployment", case .deployment(let deployment)? = store.object(withUID: reference.uid),
                  deployment.spec?.strategy?.type == "Recreate" else { return [] }
            return [ObjectKey(kind: "Deployment", namespace: event.key.namespace, name: deployment.metadata.name ?? "")]
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        // A Deployment being deleted (foreground) makes no new ReplicaSets; upstream syncs status only.
        guard case .deployment(let deployment)? = store.get(key), deployment.metadata.deletionTimestamp == nil else { return .done }
        let client = ControllerClient(cluster)
        if deployment.spec?.selector.isEmpty ?? true {
            client.event("Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.",
                         on: .deployment(deployment), component: DeploymentSync.component)
            if (deployment.status?.observedGeneration ?? 0) < (deployment.metadata.generation ?? 1) {
                var updated = deployment
                var status = updated.status ?? DeploymentStatus()
                status.observedGeneration = deployment.metadata.generation ?? 1
                updated.status = status
                client.updateStatus(.deployment(updated))
            }
            return .done
        }
        var sync = DeploymentSync(client: client, deployment: deployment, now: now)
        sync.claimReplicaSets()
        sync.checkPausedConditions()
        if sync.deployment.spec?.paused == true || sync.isScalingEvent() {
            sync.syncScaleOnly()
        } else if sync.deployment.spec?.strategy?.type == "Recreate" {
            sync.rolloutRecreate()
        } else {
            sync.rolloutRolling()
        }
        return sync.requeue.map { .requeue(after: $0) } ?? .done
    }
}
