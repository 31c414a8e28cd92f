import Foundation

/// Prefers nodes whose cpu and memory would be used in similar proportions after placing the pod.
///
/// Upstream: `pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go`, v1.33.0:
/// the fractions requested/allocatable (actual requests, capped at 1) of cpu and memory; the score
/// is `(1 − std) × 100` where with two resources `std = |f1 − f2| / 2`. PreScore skips pods that
/// request nothing (kubernetes/kubernetes#129138), as every node would tie.
public struct NodeResourcesBalancedAllocation: PreScorePlugin, ScorePlugin {
    public static let name = "NodeResourcesBalancedAllocation"
    public var name: String { Self.name }

    public init() {}

    public func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        pod.requests.milliCPU == 0 && pod.requests.memory == 0 ? .skip : .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        var fractions: [Double] = []
        fractions.reserveCapacity(2)
        let pairs = [(node.requested.milliCPU + pod.requests.milliCPU, node.allocatable.milliCPU),
                     (node.requested.memory + pod.requests.memory, node.allocatable.memory)]
        for (requested, allocatable) in pairs where allocatable != 0 {
            fractions.append(min(Double(requested) / Double(allocatable), 1))
        }
        var std = 0.0
        if fractions.count == 2 {
            std = abs((fractions[0] - fractions[1]) / 2)
        }
        return Int64((1 - std) * Double(maxNodeScore))
    }
}
