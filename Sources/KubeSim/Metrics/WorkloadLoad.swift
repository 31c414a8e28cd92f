import KubeModel

/// The simulated demand on a workload (`load deploy/web cpu=80%`), kept on the workload as the
/// annotation `kubedrill.io/load` so it survives the JSON save between CLI commands.
///
/// The values are the workload's total demand, shared by its ready pods: scaling out spreads
/// the same demand over more pods and lowers each pod's use, which is what lets an HPA
/// converge. `cpu=80%` is turned into an absolute total when it is set (80% of the request
/// of each of the replicas the workload has at that moment), so later scaling does not change it.
public struct WorkloadLoad: Equatable, Sendable {
    public static let annotation = "kubedrill.io/load"

    /// Total CPU demand in millicores, nil when CPU is left to the behaviour model.
    public var cpuMilli: Int64?
    /// Total memory demand in bytes, nil when memory is left to the behaviour model.
    public var memoryBytes: Int64?

    public init(cpuMilli: Int64? = nil, memoryBytes: Int64? = nil) {
        self.cpuMilli = cpuMilli
        self.memoryBytes = memoryBytes
    }

    /// Reads the annotation (`cpu=400m,memory=200Mi`); nil when absent or empty.
    public init?(annotations: [String: String]?) {
        guard let text = annotations?[Self.annotation] else { return nil }
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let quantity = try? Quantity(parsing: pair[1]) else { continue }
            switch pair[0] {
            case "cpu": cpuMilli = quantity.milliValue
            case "memory": memoryBytes = quantity.value
            default: continue
            }
        }
        if cpuMilli == nil, memoryBytes == nil { return nil }
    }

    public var annotationValue: String {
        var parts: [String] = []
        if let cpuMilli { parts.append("cpu=\(cpuMilli)m") }
        if let memoryBytes { parts.append("memory=\(Quantity(memoryBytes, format: .binarySI))") }
        return parts.joined(separator: ",")
    }

    /// Share `index` (0-based, of `count` pods sorted by name) of `total`: equal parts, the
    /// remainder going to the first pods so the shares add up to the total.
    static func share(_ total: Int64, count: Int, index: Int) -> Int64 {
        guard count > 0 else { return 0 }
        let base = total / Int64(count), remainder = total % Int64(count)
        return base + (Int64(index) < remainder ? 1 : 0)
    }
}
