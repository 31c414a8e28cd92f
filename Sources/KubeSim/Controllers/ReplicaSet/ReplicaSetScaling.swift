import KubeModel

/// `manageReplicas` (replica_set.go, v1.33): creates missing pods in slow-start batches
/// (1, 2, 4, … stopping at the first batch with a failure, so a quota or admission error costs
/// one attempt, not hundreds), or deletes surplus pods in the order `PodDeletionOrder` ranks them.
/// Events are those of `RealPodControl` (controller_utils.go): `SuccessfulCreate` "Created pod: %v",
/// `FailedCreate` "Error creating: %v", `SuccessfulDelete` "Deleted pod: %v".
struct ReplicaSetScaling {
    let client: ControllerClient
    let set: ReplicaSet
    let now: VirtualTime

    static let component = "replicaset-controller"
    /// `controller.SlowStartInitialBatchSize`.
    static let slowStartInitialBatchSize = 1

    var object: KubeObject { .replicaSet(set) }

    /// Returns the first error, which the status shows as the ReplicaFailure condition.
    func manage(_ pods: [Pod]) -> APIError? {
        let desired = Int(set.spec?.replicas ?? 1)
        let difference = pods.count - desired
        if difference < 0 {
            return create(min(-difference, ReplicaSetController.burstReplicas))
        }
        if difference > 0 {
            let victims = PodDeletionOrder.podsToDelete(pods, related: relatedPods(), count: min(difference, ReplicaSetController.burstReplicas), at: now)
            for pod in victims {
                client.delete(.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
                client.event("Normal", "SuccessfulDelete", "Deleted pod: \(pod.metadata.name ?? "")", on: object, component: Self.component)
            }
        }
        return nil
    }

    /// `slowStartBatch`: batches of 1, 2, 4… up to `count`; a batch with a failure ends the run.
    private func create(_ count: Int) -> APIError? {
        var remaining = count
        var batch = min(remaining, Self.slowStartInitialBatchSize)
        while batch > 0 {
            var firstError: APIError?
            for _ in 0..<batch {
                if let error = createPod(), firstError == nil { firstError = error }
            }
            if let firstError { return firstError }
            remaining -= batch
            batch = min(2 * batch, remaining)
        }
        return nil
    }

    private func createPod() -> APIError? {
        var pod = PodTemplate.pod(from: set.spec?.template, owner: object)
        guard !(pod.metadata.labels ?? [:]).isEmpty else {
            return APIError(reason: "Invalid", message: "unable to create pods, no labels")
        }
        // The API server names the pod before validating admission runs, so a quota refusal
        // names it (`pods "web-7d4b9c8f5-x2k4p" is forbidden: exceeded quota: …`).
        let prefix = pod.metadata.generateName ?? ""
        let store = client.store
        var name: String
        repeat { name = prefix + store.random.suffix() } while store.get(.pod(name, namespace: pod.metadata.namespace ?? "default")) != nil
        pod.metadata.name = name
        do {
            try client.create(.pod(pod))
        } catch let error as APIError {
            client.event("Warning", "FailedCreate", "Error creating: \(error.message)", on: object, component: Self.component)
            return error
        } catch {
            return APIError(reason: "InternalError", message: "\(error)")
        }
        client.event("Normal", "SuccessfulCreate", "Created pod: \(name)", on: object, component: Self.component)
        return nil
    }

    /// `getIndirectlyRelatedPods`: the pods of every ReplicaSet with the same controller (the
    /// Deployment's old and new ReplicaSets), used to rank pods doubled up on a node.
    private func relatedPods() -> [Pod] {
        guard let owner = ControllerRef.of(object) else { return [] }
        let store = client.store
        var seen = Set<String>()
        var pods: [Pod] = []
        for sibling in store.dependents(ofUID: owner.uid) where sibling.kind == "ReplicaSet" && ControllerRef.of(sibling)?.uid == owner.uid {
            for dependent in store.dependents(ofUID: sibling.withMetadata(\.uid) ?? "") {
                guard case .pod(let pod) = dependent, ControllerRef.of(dependent)?.uid == sibling.withMetadata(\.uid),
                      seen.insert(pod.metadata.uid ?? "").inserted else { continue }
                pods.append(pod)
            }
        }
        return pods
    }
}
