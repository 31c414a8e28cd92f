import KubeModel

/// `updateDaemonSetStatus` and `storeDaemonSetStatus` (daemon_controller.go, v1.33): per node
/// that should run the daemon, whether it has a pod, and whether the oldest one is ready,
/// available and up to date; pods on nodes that should not run it are misscheduled.
extension DaemonSetSync {
    func computedStatus() -> DaemonSetStatus {
        var desired: Int32 = 0, current: Int32 = 0, misscheduled: Int32 = 0, ready: Int32 = 0, updated: Int32 = 0, available: Int32 = 0
        for node in nodes {
            let shouldRun = DaemonPods.nodeShouldRun(node, ds).shouldRun
            let pods = nodeToPods[node.metadata.name ?? ""] ?? []
            guard shouldRun else {
                if !pods.isEmpty { misscheduled += 1 }
                continue
            }
            desired += 1
            guard let pod = pods.sorted(by: DaemonPods.oldestFirst).first else { continue }
            current += 1
            if PodConditions.isReady(pod) {
                ready += 1
                if isAvailable(pod) { available += 1 }
            }
            if DaemonPods.isUpdated(pod, hash: hash, generation: generation) { updated += 1 }
        }
        var status = ds.status ?? DaemonSetStatus()
        status.desiredNumberScheduled = desired
        status.currentNumberScheduled = current
        status.numberMisscheduled = misscheduled
        status.numberReady = ready
        // Go's `omitempty` leaves these out when zero.
        status.updatedNumberScheduled = updated == 0 ? nil : updated
        status.numberAvailable = available == 0 ? nil : available
        status.numberUnavailable = desired - available == 0 ? nil : desired - available
        status.observedGeneration = ds.metadata.generation
        return status
    }

    /// When a ready pod next becomes available (`minReadySeconds`), for a requeue: upstream
    /// re-enqueues after `minReadySeconds` while ready and available counts differ.
    func nextAvailability() -> VirtualTime? {
        nodeToPods.values.joined().compactMap { PodConditions.availableAt($0, minReadySeconds: minReadySeconds) }.filter { $0 > now }.min()
    }
}
