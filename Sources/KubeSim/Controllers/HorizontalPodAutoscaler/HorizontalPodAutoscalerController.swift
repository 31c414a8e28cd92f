import KubeModel

/// Scales a Deployment, ReplicaSet or StatefulSet on resource metrics
/// (pkg/controller/podautoscaler/horizontal.go v1.33 `reconcileAutoscaler`; docs "Horizontal Pod
/// Autoscaling"). Each HPA is synced every 15 s (`--horizontal-pod-autoscaler-sync-period`) by
/// requeueing on the virtual clock; the recommendation and scale-event history upstream keeps
/// in memory lives in the HPA's `kubedrill.io/hpa-history` annotation (`HPAHistory`).
struct HorizontalPodAutoscalerController: Controller {
    let name = "horizontal-pod-autoscaler"
    let watchedKinds: Set<String>? = ["HorizontalPodAutoscaler"]
    unowned let cluster: Cluster

    static let syncPeriod = VirtualDuration.seconds(15)

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        event.key.kind == "HorizontalPodAutoscaler" && event.type != .deleted ? [event.key] : []
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .horizontalPodAutoscaler(let original)? = store.get(key) else { return .done }
        var history = HPAHistory(original)
        // Upstream queues every HPA with the sync period as delay (`AddRateLimited`), also the
        // first time: a sync is due 15 s after the last one, or after creation.
        let created = original.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
        let due = VirtualTime(seconds: history.lastSync ?? created.seconds) + Self.syncPeriod
        if now < due { return .requeue(after: due - now) }
        history.lastSync = now.seconds
        var hpa = original
        HPASync(client: ControllerClient(cluster), hpa: hpa, now: now).run(into: &hpa, history: &history)
        history.store(in: &hpa)
        if hpa != original { store.updateStatus(.horizontalPodAutoscaler(hpa)) }
        return .requeue(after: Self.syncPeriod)
    }
}

/// One `reconcileAutoscaler` pass over a copy of the HPA.
struct HPASync {
    let client: ControllerClient
    let hpa: HorizontalPodAutoscaler
    let now: VirtualTime
    static let component = "horizontal-pod-autoscaler"

    func run(into result: inout HorizontalPodAutoscaler, history: inout HPAHistory) {
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
            return
        }
        conditions.set("AbleToScale", true, "SucceededGetScale", "the HPA controller was able to get the target's current scale")
        let current = target.specReplicas
        if history.recommendations.isEmpty { history.recommendations = [.init(replicas: current, at: now.seconds)] }
        let minReplicas = spec.minReplicas ?? 1
        var desired: Int32 = 0
        var reason = ""
        var rescale = true
        var metricStatuses: [MetricStatus]?
        if current == 0, minReplicas != 0 {
            rescale = false
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
                return
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
                return
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
