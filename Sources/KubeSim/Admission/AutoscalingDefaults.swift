import KubeModel

/// The defaults the API server gives an autoscaling/v2 HPA (pkg/apis/autoscaling/v2/defaults.go
/// `SetDefaults_HorizontalPodAutoscaler`): minReplicas 1, CPU at 80% of requests when no metric
/// is listed, and a behavior's missing parts filled (`GenerateHPAScaleUpRules`,
/// `GenerateHPAScaleDownRules`); a missing behavior stays missing.
struct AutoscalingDefaulting: AdmissionPlugin {
    let name = "AutoscalingDefaulting"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard case .horizontalPodAutoscaler(var hpa) = object, var spec = hpa.spec else { return }
        spec.minReplicas = spec.minReplicas ?? 1
        spec.metrics = HPASync.metricSpecs(spec)
        if let behavior = spec.behavior {
            let rules = Behavior.rules(behavior)
            spec.behavior?.scaleUp = rules.up
            spec.behavior?.scaleDown = rules.down
        }
        hpa.spec = spec
        object = .horizontalPodAutoscaler(hpa)
    }
}
