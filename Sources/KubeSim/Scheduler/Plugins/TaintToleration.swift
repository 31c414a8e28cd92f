import KubeModel

/// Keeps pods off nodes with `NoSchedule`/`NoExecute` taints they do not tolerate, and prefers
/// nodes with fewer untolerated `PreferNoSchedule` taints.
///
/// Upstream: `pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go`, v1.33.0:
/// Filter reports the node's first untolerated taint; Score counts untolerated `PreferNoSchedule`
/// taints against the pod's tolerations with an empty or `PreferNoSchedule` effect, and
/// NormalizeScore reverses them (`DefaultNormalizeScore(MaxNodeScore, true, …)`).
public struct TaintToleration: FilterPlugin, ScorePlugin {
    public static let name = "TaintToleration"
    public var name: String { Self.name }

    public init() {}

    /// The v1.33 reason. kubernetes/kubernetes#134740 (release-1.34 on) words it
    /// `node(s) had untolerated taint(s)`; we pin v1.33.0.
    public static func untoleratedReason(_ taint: Taint) -> String {
        "node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        for taint in node.taints where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
            if !Tolerations.tolerate(pod.tolerations, taint) {
                return Status(.unschedulableAndUnresolvable, Self.untoleratedReason(taint))
            }
        }
        return .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        guard node.hasPreferNoScheduleTaint else { return 0 }
        let tolerations = pod.tolerations.filter { ($0.effect ?? "").isEmpty || $0.effect == "PreferNoSchedule" }
        var count: Int64 = 0
        for taint in node.taints where taint.effect == "PreferNoSchedule" {
            if !Tolerations.tolerate(tolerations, taint) { count += 1 }
        }
        return count
    }

    public func normalize(_ scores: inout [NodeScore], _ pod: PodInfo, _ state: CycleState) {
        NormalizeScore.default(maxNodeScore, reverse: true, &scores)
    }
}
