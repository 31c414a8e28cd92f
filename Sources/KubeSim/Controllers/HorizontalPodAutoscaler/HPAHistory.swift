import Foundation
import KubeModel

/// What upstream's HPA controller keeps in memory between syncs (horizontal.go v1.33:
/// `recommendations`, `scaleUpEvents`, `scaleDownEvents`), kept here on the HPA itself as the
/// annotation `kubedrill.io/hpa-history`, because controllers keep no state of their own (the
/// cluster is saved as JSON between CLI commands). Also holds the time of the last sync, so
/// syncs stay 15 s apart whatever else writes the object, and whether the HPA is steady.
struct HPAHistory: Codable, Equatable {
    static let annotation = "kubedrill.io/hpa-history"

    /// An unstabilized recommendation (`timestampedRecommendation`).
    struct Recommendation: Codable, Equatable {
        var replicas: Int32
        var at: Int64
    }

    /// A rescale by the HPA (`timestampedScaleEvent`); `change` is positive in both lists.
    struct ScaleEvent: Codable, Equatable {
        var change: Int32
        var at: Int64
        var outdated: Bool = false
    }

    /// Left by a sync after which further syncs would change nothing until an input changes
    /// (`HPASteadiness`): the controller stops requeueing and the syncs it skips are accounted
    /// for when it wakes (`resume`).
    struct Steady: Codable, Equatable {
        /// What each skipped sync would have recorded; nil when it records none (scaling disabled).
        var recommendation: Int32?
        /// The HPA's generation at that sync: a later write keeping it is the controller's own
        /// status update, not a spec change to wake for.
        var generation: Int64
    }

    var lastSync: Int64?
    var steady: Steady?
    var recommendations: [Recommendation] = []
    var scaleUp: [ScaleEvent] = []
    var scaleDown: [ScaleEvent] = []

    init() {}

    init(_ hpa: HorizontalPodAutoscaler) {
        guard let text = hpa.metadata.annotations?[Self.annotation],
              let decoded = try? JSONDecoder().decode(HPAHistory.self, from: Data(text.utf8)) else { return }
        self = decoded
    }

    /// Whether the HPA's history says steady, without decoding it: this runs on every pod
    /// write in a namespace with an HPA, and `steady` is encoded only when set.
    static func isSteady(_ object: KubeObject) -> Bool {
        guard case .horizontalPodAutoscaler(let hpa) = object, let text = hpa.metadata.annotations?[annotation] else { return false }
        return text.contains("\"steady\":")
    }

    func store(in hpa: inout HorizontalPodAutoscaler) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(self) else { return }
        var annotations = hpa.metadata.annotations ?? [:]
        annotations[Self.annotation] = String(decoding: data, as: UTF8.self)
        hpa.metadata.annotations = annotations
    }

    /// The sync a woken steady HPA is due for: the next tick of the 15 s grid it left, so its
    /// syncs land when upstream's never-stopping resync would (horizontal.go v1.33
    /// `processNextWorkItem`: every HPA is re-added with the resync period as delay).
    func nextSync(after last: Int64, period: VirtualDuration, at now: VirtualTime) -> VirtualTime {
        let elapsed = now.seconds - last
        let periods = steady == nil ? 1 : max(1, (elapsed + period.seconds - 1) / period.seconds)
        return VirtualTime(seconds: last + periods * period.seconds)
    }

    /// Puts back the recommendation the syncs skipped while steady would have recorded. Only
    /// the latest matters: windows take the min or max of the recommendations inside them, and
    /// the skipped ones all equal it, so earlier ones of the same value are dropped with it.
    mutating func resume(at now: VirtualTime, period: VirtualDuration) {
        guard let replicas = steady?.recommendation, let last = lastSync else { return }
        let skipped = now.seconds - period.seconds
        guard skipped > last else { return }
        recommendations.removeAll { $0.replicas == replicas }
        recommendations.append(Recommendation(replicas: replicas, at: skipped))
    }

    /// `storeScaleEvent`: only kept when the HPA has a behavior (the legacy path never reads
    /// them); events older than the longest policy period are reused.
    mutating func recordScale(from previous: Int32, to desired: Int32, rules: HPAScalingRules, at now: VirtualTime) {
        let longest = rules.policies?.map(\.periodSeconds).max() ?? 0
        let event = ScaleEvent(change: abs(desired - previous), at: now.seconds)
        func store(_ events: inout [ScaleEvent]) {
            for index in events.indices where events[index].at < now.seconds - Int64(longest) { events[index].outdated = true }
            if let reusable = events.lastIndex(where: \.outdated) { events[reusable] = event } else { events.append(event) }
        }
        if desired > previous { store(&scaleUp) } else { store(&scaleDown) }
    }

    /// `getReplicasChangePerPeriod`: replicas changed within the last `periodSeconds`.
    static func change(within periodSeconds: Int32, of events: [ScaleEvent], at now: VirtualTime) -> Int32 {
        events.filter { $0.at > now.seconds - Int64(periodSeconds) }.reduce(0) { $0 + $1.change }
    }
}
