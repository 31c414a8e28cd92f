/// Prefers nodes that already have the pod's container images, weighted by image size and by how
/// many nodes share the image (so one node with a popular image does not attract everything).
///
/// Upstream: `pkg/scheduler/framework/plugins/imagelocality/image_locality.go`, v1.33.0:
/// each image present scores `size × nodesWithImage / allNodes`; the sum is clamped to
/// 23 MB … 1000 MB × containers and scaled to 0…100. Image names without a tag get `:latest`.
/// PreScore skips (every score would be 0) when no node has any of the pod's images.
public struct ImageLocality: PreScorePlugin, ScorePlugin {
    public static let name = "ImageLocality"
    public var name: String { Self.name }

    static let mb: Int64 = 1024 * 1024
    /// Upstream `minThreshold`.
    static let minThreshold: Int64 = 23 * mb
    /// Upstream `maxContainerThreshold`.
    static let maxContainerThreshold: Int64 = 1000 * mb

    public init() {}

    /// What Score needs: the pod's images with the number of nodes having each, and the node count.
    final class State {
        let images: [(name: String, nodes: Int)]
        let totalNodes: Int
        let containers: Int

        init(images: [(name: String, nodes: Int)], totalNodes: Int, containers: Int) {
            self.images = images
            self.totalNodes = totalNodes
            self.containers = containers
        }
    }

    public func preScore(_ pod: PodInfo, _ feasible: [Int], _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        let spec = pod.pod.spec
        let containers = (spec?.initContainers ?? []) + (spec?.containers ?? [])
        var images: [(name: String, nodes: Int)] = []
        for container in containers {
            let name = Self.normalizedImageName(container.image ?? "")
            if let count = snapshot.imageNodeCounts[name] { images.append((name, count)) }
        }
        if images.isEmpty { return .skip }
        state.write(State(images: images, totalNodes: snapshot.nodes.count, containers: containers.count))
        return .success
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        guard let data = state.read(State.self), data.totalNodes > 0 else { return 0 }
        var sum: Int64 = 0
        for image in data.images {
            if let size = node.imageSizes[image.name] {
                sum += Int64(Double(size) * (Double(image.nodes) / Double(data.totalNodes)))
            }
        }
        return Self.calculatePriority(sum, containers: data.containers)
    }

    /// Upstream `calculatePriority`.
    static func calculatePriority(_ sumScores: Int64, containers: Int) -> Int64 {
        let maxThreshold = maxContainerThreshold * Int64(containers)
        let clamped = min(max(sumScores, minThreshold), maxThreshold)
        guard maxThreshold > minThreshold else { return 0 }
        return maxNodeScore * (clamped - minThreshold) / (maxThreshold - minThreshold)
    }

    /// Upstream `normalizedImageName`: adds `:latest` when the last `:` is not after the last `/`.
    static func normalizedImageName(_ name: String) -> String {
        let colon = name.lastIndex(of: ":")
        let slash = name.lastIndex(of: "/")
        switch (colon, slash) {
        case (nil, _): return name + ":latest"
        case let (colon?, slash?) where colon <= slash: return name + ":latest"
        default: return name
        }
    }
}
