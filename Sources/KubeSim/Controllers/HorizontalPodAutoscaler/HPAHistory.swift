import Foundation
import KubeModel

/// What upstream's HPA controller keeps in memory between syncs (horizontal.go v1.33:
/// `recommendations`, `scaleUpEvents`, `scaleDownEvents`), kept here on the HPA itself as the
/// annotation `kubedrill.io/hpa-history`, because controllers keep no state of their own (the
/// cluster is saved as JSON between CLI commands). Also holds the time of the last sync, so
/// syncs stay 15 s apart whatever else writes the object.
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

    var lastSync: Int64?
    var recommendations: [Recommendation] = []
    var scaleUp: [ScaleEvent] = []
    var scaleDown: [ScaleEvent] = []

    init() {}

    init(_ hpa: HorizontalPodAutoscaler) {
        guard let text = hpa.metadata.annotations?[Self.annotation],
              let decoded = try? JSONDecoder().decode(HPAHistory.self, from: Data(text.utf8)) else { return }
        self = decoded
    }

    func store(in hpa: inout HorizontalPodAutoscaler) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(self) else { return }
        var annotations = hpa.metadata.annotations ?? [:]
        annotations[Self.annotation] = String(decoding: data, as: UTF8.self)
        hpa.metadata.annotations = annotations
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
