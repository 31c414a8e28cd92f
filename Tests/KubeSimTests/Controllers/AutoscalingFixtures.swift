import KubeModel
@testable import KubeSim

/// Manifests shared by the HPA and disruption tests: a Deployment whose pods request CPU, an
/// HPA on it, a PodDisruptionBudget over its pods.
enum AutoscalingFixtures {
    /// Container fields at the indentation of `image:` in `WorkloadFixtures.deployment`.
    static let requests = "        resources: {requests: {cpu: 100m, memory: 64Mi}}"

    /// `WorkloadFixtures.deployment` with a 100m CPU request per pod (or none).
    static func deployment(replicas: Int = 2, cpuRequest: Bool = true) -> String {
        WorkloadFixtures.deployment(replicas: replicas, container: cpuRequest ? requests : "")
    }

    static func hpa(target: String = "web", min: Int? = 1, max: Int = 10, cpuPercent: Int = 50, behavior: String = "") -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: \(target)}
        \(min.map { "  minReplicas: \($0)" } ?? "")
          maxReplicas: \(max)
          metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: \(cpuPercent)}
        \(behavior)
        """
    }

    static func pdb(_ rule: String, app: String = "web") -> String {
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          \(rule)
          selector:
            matchLabels: {app: \(app)}
        """
    }

    static let hpaKey = ObjectKey(kind: "HorizontalPodAutoscaler", namespace: "default", name: "web")
    static let deploymentKey = ObjectKey(kind: "Deployment", namespace: "default", name: "web")
    static let pdbKey = ObjectKey(kind: "PodDisruptionBudget", namespace: "default", name: "web")
}

extension Cluster {
    var hpa: HorizontalPodAutoscaler? {
        guard case .horizontalPodAutoscaler(let hpa)? = get(AutoscalingFixtures.hpaKey) else { return nil }
        return hpa
    }

    var budget: PodDisruptionBudget? {
        guard case .podDisruptionBudget(let budget)? = get(AutoscalingFixtures.pdbKey) else { return nil }
        return budget
    }

    func hpaCondition(_ type: String) -> HorizontalPodAutoscalerCondition? {
        hpa?.status?.conditions?.first { $0.type == type }
    }

    var desiredReplicas: Int32? { deployment()?.spec?.replicas }
}
