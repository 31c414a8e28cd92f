import Foundation
import KubeModel

/// Which pods a ReplicaSet deletes first when it has too many: `getPodsToDelete` with
/// `controller.ActivePodsWithRanks` (pkg/controller/replicaset/replica_set.go and
/// pkg/controller/controller_utils.go, v1.33; PodDeletionCost and LogarithmicScaleDown are on):
/// 1. unassigned before assigned; 2. Pending < Unknown < Running; 3. not ready before ready;
/// 4. lower `controller.kubernetes.io/pod-deletion-cost` first; 5. more pods of the same owner on
/// the pod's node first; 6. ready for less time first (log2 buckets, uid within a bucket);
/// 7. more container restarts first; 8. newer first (log2 buckets, uid within a bucket).
enum PodDeletionOrder {
    static let deletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost"

    /// The first `count` pods in deletion order (all of them when `count` covers every pod).
    static func podsToDelete(_ pods: [Pod], related: [Pod], count: Int, at now: VirtualTime) -> [Pod] {
        guard count < pods.count else { return pods }
        // getPodsRankedByRelatedPodsOnSameNode: active related pods per node.
        var podsOnNode: [String: Int] = [:]
        for pod in related where PodConditions.isActive(pod) { podsOnNode[pod.spec?.nodeName ?? "", default: 0] += 1 }
        let ranked = pods.map { Ranked(pod: $0, rank: podsOnNode[$0.spec?.nodeName ?? ""] ?? 0) }
        return ranked.sorted { isPreferred($0, over: $1, now: now) }.prefix(count).map(\.pod)
    }

    /// A pod with the values the comparison reads, computed once.
    struct Ranked {
        let pod: Pod
        let rank: Int
        let isAssigned: Bool
        let phaseOrdinal: Int
        let isReady: Bool
        let deletionCost: Int32
        let readySince: VirtualTime?
        let restarts: Int32
        let created: VirtualTime?

        init(pod: Pod, rank: Int) {
            self.pod = pod
            self.rank = rank
            isAssigned = !(pod.spec?.nodeName ?? "").isEmpty
            phaseOrdinal = ["Pending": 0, "Unknown": 1, "Running": 2][pod.status?.phase ?? ""] ?? 0
            isReady = PodConditions.isReady(pod)
            deletionCost = pod.metadata.annotations?[PodDeletionOrder.deletionCostAnnotation].flatMap { Int32($0) } ?? 0
            readySince = isReady ? PodConditions.readyCondition(pod)?.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) : nil
            restarts = (pod.status?.containerStatuses ?? []).map(\.restartCount).max() ?? 0
            created = pod.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:))
        }
    }

    /// `ActivePodsWithRanks.Less`; names break the last tie so the order never depends on input order.
    static func isPreferred(_ first: Ranked, over second: Ranked, now: VirtualTime) -> Bool {
        if first.isAssigned != second.isAssigned { return !first.isAssigned }
        if first.phaseOrdinal != second.phaseOrdinal { return first.phaseOrdinal < second.phaseOrdinal }
        if first.isReady != second.isReady { return !first.isReady }
        if first.deletionCost != second.deletionCost { return first.deletionCost < second.deletionCost }
        if first.rank != second.rank { return first.rank > second.rank }
        if first.isReady, second.isReady, first.readySince != second.readySince {
            if let decided = logarithmicOrder(first.readySince, second.readySince, first, second, now: now) { return decided }
        }
        if first.restarts != second.restarts { return first.restarts > second.restarts }
        if first.created != second.created {
            if let decided = logarithmicOrder(first.created, second.created, first, second, now: now) { return decided }
        }
        return (first.pod.metadata.name ?? "") < (second.pod.metadata.name ?? "")
    }

    /// Rules 6 and 8: later (or unset) times first, compared as log2 of their age in nanoseconds;
    /// equal buckets fall back to uid order, as upstream does for pseudo-randomness.
    private static func logarithmicOrder(_ lhs: VirtualTime?, _ rhs: VirtualTime?, _ first: Ranked, _ second: Ranked, now: VirtualTime) -> Bool? {
        guard let lhs, let rhs else { return lhs == nil }  // afterOrZero: zero first
        let difference = bucket(now - lhs) - bucket(now - rhs)
        if difference == 0 { return (first.pod.metadata.uid ?? "") < (second.pod.metadata.uid ?? "") }
        return difference < 0
    }

    /// `int64(math.Log2(float64(d)))` of a Go duration (nanoseconds); -1 for no age.
    static func bucket(_ age: VirtualDuration) -> Int64 {
        guard age.seconds > 0 else { return -1 }
        return Int64(log2(Double(age.seconds) * 1e9))
    }
}
