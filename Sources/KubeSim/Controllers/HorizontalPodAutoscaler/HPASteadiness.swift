import KubeModel

/// When an HPA may stop its 15 s resync. Upstream never stops (horizontal.go v1.33
/// `processNextWorkItem` re-adds every HPA with the resync period), so the simulator may skip
/// only the syncs that would change nothing: with the same target, pods and load, a later sync
/// computes the same proposal, and it must then also write the same status and emit no event.
enum HPASteadiness {
    /// A sync is steady when:
    /// - every metric gave a value (a failed one emits a Warning on every sync) and their
    ///   proposal equals the current replicas, so the recommendation each later sync records
    ///   is `current` (`HPAHistory.resume` puts it back on waking);
    /// - the stabilized and limited result is `current` too, with ScalingLimited False. With
    ///   the proposal at `current`, `stabilizeRecommendationWithBehaviors` always gives
    ///   `current` (the scale-up window's lowest recommendation is at most the proposal, the
    ///   scale-down window's highest at least it), and so does `stabilizeRecommendation` unless
    ///   a higher recommendation in the last 300 s is clamped by maxReplicas: as it leaves the
    ///   window ScalingLimited would turn False, so that HPA keeps syncing. Lower
    ///   recommendations leaving a window change nothing, and the scaling policies are only
    ///   consulted when the stabilized value differs from `current`, so their periods do not
    ///   matter here;
    /// - or, the common idle case, the proposal lies beyond minReplicas or maxReplicas and
    ///   `current` sits at that bound (`heldAtBound`, legacy stabilization only): once every
    ///   recorded recommendation is the proposal, the stabilized value is the proposal for good,
    ///   so the clamp and its ScalingLimited reason (TooFewReplicas/TooManyReplicas) stay too.
    ///   Until then a higher recommendation leaving the window moves AbleToScale from
    ///   ScaleDownStabilized to ReadyForNewScale, so the HPA keeps syncing;
    /// - no CPU sample will change group by time alone (`ReplicaCalculator.isSettled`).
    static func isSteady(proposal: Int32, desired: Int32, current: Int32, heldAtBound: Bool, history: HPAHistory, at now: VirtualTime,
                         outcome: HPAMetrics.Outcome, conditions: HPAConditions, holdsOverTime: () -> Bool) -> Bool {
        guard outcome.failedCount == 0, desired == current else { return false }
        if proposal == current {
            guard conditions.list.first(where: { $0.type == "ScalingLimited" })?.status == "False" else { return false }
        } else {
            // Samples before the window never count again (upstream keeps one of them around to reuse).
            let cutoff = now.seconds - Int64(ScalingNormalization.downscaleStabilizationWindow)
            guard heldAtBound, history.recommendations.allSatisfy({ $0.at < cutoff || $0.replicas == proposal }) else { return false }
        }
        return holdsOverTime()
    }
}

/// Which HPAs a store change wakes. The inputs of a sync are the HPA's spec, its target's
/// scale, the pods the target's selector matches and the simulated load they share
/// (`MetricsServer`), so changes to those kinds wake the steady HPAs of their namespace.
enum HPAWake {
    static func autoscalers(affectedBy event: WatchEvent, in store: Store) -> [ObjectKey] {
        if case .horizontalPodAutoscaler(let hpa) = event.object {
            guard event.type != .deleted else { return [] }
            // The controller's own status write after a steady sync keeps the generation it
            // recorded; only a spec change (a new generation) or a history reset wakes it.
            if let steady = HPAHistory(hpa).steady, steady.generation == (hpa.metadata.generation ?? 1) { return [] }
            return [event.key]
        }
        // Only a steady HPA needs waking: any other has its next 15 s sync queued already.
        let autoscalers = store.list(kind: "HorizontalPodAutoscaler", namespace: event.key.namespace).filter(HPAHistory.isSteady)
        guard !autoscalers.isEmpty else { return [] }
        // A workload's replicas or load annotation: the load a target's pods share may sit on
        // any controller up or down its owner chain, and workload writes are rare, so wake all.
        guard case .pod(let pod) = event.object else { return autoscalers.map(\.key) }
        return autoscalers.filter { object in
            guard case .horizontalPodAutoscaler(let hpa) = object, let reference = hpa.spec?.scaleTargetRef,
                  let target = try? ScaleTarget.find(reference, namespace: event.key.namespace, in: store) else { return true }
            return target.selector.map { !$0.isEmpty && $0.matches(pod.metadata.labels ?? [:]) } ?? false
                || sharesLoad(pod, with: target, in: store)
        }.map(\.key)
    }

    /// True when the pod shares a load with the target's pods without matching its selector
    /// (a ReplicaSet target whose Deployment carries the load): its readiness moves their share.
    private static func sharesLoad(_ pod: Pod, with target: ScaleTarget, in store: Store) -> Bool {
        guard let (owner, _) = MetricsServer.loadedWorkload(of: .pod(pod), in: store), let uid = owner.meta.uid else { return false }
        var current = target.object
        for _ in 0..<4 {
            if current.meta.uid == uid { return true }
            guard let reference = ControllerRef.of(current), let next = store.object(withUID: reference.uid) else { return false }
            current = next
        }
        return false
    }
}
