import KubeModel

/// Scales a Deployment, ReplicaSet or StatefulSet on resource metrics
/// (pkg/controller/podautoscaler/horizontal.go v1.33 `reconcileAutoscaler`; docs "Horizontal Pod
/// Autoscaling"). Each HPA is synced every 15 s (`--horizontal-pod-autoscaler-sync-period`) by
/// requeueing on the virtual clock; the recommendation and scale-event history upstream keeps
/// in memory lives in the HPA's `kubedrill.io/hpa-history` annotation (`HPAHistory`).
///
/// Upstream resyncs forever; here a steady HPA (a sync that changed nothing and whose repeats
/// could change nothing until an input does) stops requeueing, so `advance` can go quiet, and
/// is woken by changes to its inputs (`HPAWake`) onto the grid of syncs it skipped.
struct HorizontalPodAutoscalerController: Controller {
    let name = "horizontal-pod-autoscaler"
    let watchedKinds: Set<String>? = ["HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "StatefulSet", "Pod"]
    let primaryKinds: Set<String>? = ["HorizontalPodAutoscaler"]
    unowned let cluster: Cluster

    static let syncPeriod = VirtualDuration.seconds(15)

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        HPAWake.autoscalers(affectedBy: event, in: store)
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .horizontalPodAutoscaler(let original)? = store.get(key) else { return .done }
        var history = HPAHistory(original)
        // Upstream queues every HPA with the sync period as delay (`AddRateLimited`), also the
        // first time: a sync is due 15 s after the last one, or after creation.
        let created = original.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
        let due = history.nextSync(after: history.lastSync ?? created.seconds, period: Self.syncPeriod, at: now)
        if now < due { return .requeue(after: due - now) }
        history.resume(at: now, period: Self.syncPeriod)
        history.lastSync = now.seconds
        var hpa = original
        history.steady = HPASync(client: ControllerClient(cluster), hpa: hpa, now: now).run(into: &hpa, history: &history)
        history.store(in: &hpa)
        if hpa != original { store.updateStatus(.horizontalPodAutoscaler(hpa)) }
        return history.steady == nil ? .requeue(after: Self.syncPeriod) : .done
    }
}

/// One `reconcileAutoscaler` pass over a copy of the HPA.
struct HPASync {
    let client: ControllerClient
    let hpa: HorizontalPodAutoscaler
    let now: VirtualTime
    static let component = "horizontal-pod-autoscaler"

    /// Returns what to keep when the HPA is steady: repeating this sync with the same inputs,
    /// at any later time, would write nothing new and emit no event.
    func run(into result: inout HorizontalPodAutoscaler, history: inout HPAHistory) -> HPAHistory.Steady? {
        let spec = hpa.spec ?? HorizontalPodAutoscalerSpec()
        var status = hpa.status ?? HorizontalPodAutoscalerStatus()
        var conditions = HPAConditions(list: status.conditions ?? [], now: now)
        defer {
            status.conditions = conditions.list
            result.status = status
        }
        let target: ScaleTarget
        do {
            target = try ScaleTarget.find(spec.scaleTargetRef, namespace: hpa.metadata.namespace ?? "default", in: client.store)
        } catch {
            let message = (error as? ScaleTarget.Failure)?.message ?? "\(error)"
            event("Warning", "FailedGetScale", message)
            conditions.set("AbleToScale", false, "FailedGetScale", "the HPA controller was unable to get the target's current scale: \(message)")
            return nil
        }
        conditions.set("AbleToScale", true, "SucceededGetScale", "the HPA controller was able to get the target's current scale")
        let current = target.specReplicas
        if history.recommendations.isEmpty { history.recommendations = [.init(replicas: current, at: now.seconds)] }
        let minReplicas = spec.minReplicas ?? 1
        var desired: Int32 = 0
        var reason = ""
        var rescale = true
        var metricStatuses: [MetricStatus]?
        var steady: HPAHistory.Steady?
        if current == 0, minReplicas != 0 {
            rescale = false
            steady = HPAHistory.Steady(recommendation: nil, generation: hpa.metadata.generation ?? 1)
            conditions.set("ScalingActive", false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero")
        } else if current > spec.maxReplicas {
            (desired, reason) = (spec.maxReplicas, "Current number of replicas above Spec.MaxReplicas")
        } else if current < minReplicas {
            (desired, reason) = (minReplicas, "Current number of replicas below Spec.MinReplicas")
        } else {
            let metrics = HPAMetrics(target: target, namespace: hpa.metadata.namespace ?? "default", store: client.store, now: now)
            let outcome = metrics.compute(Self.metricSpecs(spec), current: current, conditions: &conditions, event: event)
            metricStatuses = outcome.statuses
            guard let proposal = outcome.replicas else {
                status.currentReplicas = current
                status.currentMetrics = outcome.statuses
                if let failure = outcome.failure { event("Warning", "FailedComputeMetricsReplicas", failure) }
                return nil
            }
            desired = proposal
            if desired > current { reason = "\(outcome.metricName) above target" }
            if desired < current { reason = "All metrics below target" }
            let normalization = ScalingNormalization(current: current, minReplicas: minReplicas, maxReplicas: spec.maxReplicas, now: now)
            if let behavior = spec.behavior {
                let rules = Behavior.rules(behavior)
                desired = normalization.withBehavior(desired, up: rules.up, down: rules.down, history: &history, conditions: &conditions)
            } else {
                desired = normalization.legacy(desired, history: &history, conditions: &conditions)
            }
            rescale = desired != current
            let heldAtBound = spec.behavior == nil
                && (proposal < current && current == minReplicas || proposal > current && current == spec.maxReplicas)
            if HPASteadiness.isSteady(proposal: proposal, desired: desired, current: current, heldAtBound: heldAtBound,
                                      history: history, at: now, outcome: outcome, conditions: conditions,
                                      holdsOverTime: { metrics.holdsOverTime(Self.metricSpecs(spec)) }) {
                steady = HPAHistory.Steady(recommendation: proposal, generation: hpa.metadata.generation ?? 1)
            }
        }
        if rescale {
            do {
                try client.update(target.scaled(to: desired))
            } catch {
                let message = (error as? APIError)?.message ?? "\(error)"
                event("Warning", "FailedRescale", "New size: \(desired); reason: \(reason); error: \(message)")
                conditions.set("AbleToScale", false, "FailedUpdateScale", "the HPA controller was unable to update the target scale: \(message)")
                status.currentReplicas = current
                status.currentMetrics = metricStatuses
                return nil
            }
            conditions.set("AbleToScale", true, "SucceededRescale", "the HPA controller was able to update the target scale to \(desired)")
            event("Normal", "SuccessfulRescale", "New size: \(desired); reason: \(reason)")
            if let behavior = spec.behavior {
                let rules = Behavior.rules(behavior)
                history.recordScale(from: current, to: desired, rules: desired > current ? rules.up : rules.down, at: now)
            }
            status.lastScaleTime = now.rfc3339
        } else {
            desired = current
        }
        status.currentReplicas = current
        status.desiredReplicas = desired
        status.currentMetrics = metricStatuses
        return steady
    }

    /// `SetDefaults_HorizontalPodAutoscaler`: no metrics means CPU at 80% of requests.
    static func metricSpecs(_ spec: HorizontalPodAutoscalerSpec) -> [MetricSpec] {
        if let metrics = spec.metrics, !metrics.isEmpty { return metrics }
        var metric = MetricSpec()
        metric.type = "Resource"
        var source = ResourceMetricSource()
        source.name = "cpu"
        source.target.type = "Utilization"
        source.target.averageUtilization = 80
        metric.resource = source
        return [metric]
    }

    func event(_ type: String, _ reason: String, _ message: String) {
        client.event(type, reason, message, on: .horizontalPodAutoscaler(hpa), component: Self.component)
    }
}
