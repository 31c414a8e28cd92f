import Foundation
import KubeModel

/// The whole simulated cluster as JSON (`cluster.json` in the data directory), so a cluster
/// outlives one command: objects, clock, pending work, kubelet state, event log, random state.
public struct SavedCluster: Codable {
    public var format = 1
    public var time: Int64
    public var revision: Int64
    public var random: SeededRandom
    public var objects: [CodableObject]
    public var containerRuntime: [RuntimeEntry]
    public var nodeImages: [String: [String]]
    public var eventLog: [RecordedEvent]
    public var pendingWork: [WorkItem]

    public struct RuntimeEntry: Codable {
        public var key: ObjectKey
        public var runtime: PodRuntime
    }
}

extension Cluster {
    public func saved() -> SavedCluster {
        SavedCluster(time: store.now.seconds, revision: store.revision, random: store.random,
                     objects: store.objects.keys.sorted().compactMap { store.objects[$0].map(CodableObject.init) },
                     containerRuntime: store.containerRuntime.keys.sorted().compactMap { key in store.containerRuntime[key].map { .init(key: key, runtime: $0) } },
                     nodeImages: store.nodeImages.mapValues { $0.sorted() }, eventLog: store.eventLog, pendingWork: runner.pendingItems)
    }

    /// Rebuilds a cluster from `saved`; the same controllers, the same pending work.
    public convenience init(saved: SavedCluster) {
        self.init(shape: ClusterShape(nodes: []), seed: 1)
        store.now = VirtualTime(seconds: saved.time)  // first: restored Event leases fall back to it
        store.restore(objects: saved.objects.map(\.object), revision: saved.revision)
        placement = SchedulerPlacement()  // the restore bypassed the cache's view of the store
        store.random = saved.random
        store.containerRuntime = Dictionary(saved.containerRuntime.map { ($0.key, $0.runtime) }, uniquingKeysWith: { first, _ in first })
        store.nodeImages = saved.nodeImages.mapValues(Set.init)
        store.eventLog = saved.eventLog
        _ = store.takePendingEvents()
        runner.restore(saved.pendingWork)
    }

    public func savedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(saved())
    }

    public static func load(json: Data) throws -> Cluster {
        Cluster(saved: try JSONDecoder().decode(SavedCluster.self, from: json))
    }
}
