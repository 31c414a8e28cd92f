import Foundation
import KubeModel

/// The simulated cluster: one store, the admission chain in front of it and the controllers
/// (kubelets, garbage collector, scheduling step…) behind it, all on one virtual clock.
/// The same inputs and seed give the same cluster, event for event.
public final class Cluster {
    public let store: Store
    public let runner = ControllerRunner()
    public var admission: [any AdmissionPlugin]
    /// Where unbound pods are placed: kube-scheduler's default profile; nil leaves them Pending.
    public var placement: (any PodPlacement)? = SchedulerPlacement()

    public var now: VirtualTime { store.now }

    /// The namespaces every cluster starts with (kubeadm: default, kube-system, kube-public, kube-node-lease).
    public static let initialNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"]

    public init(shape: ClusterShape = .standard, seed: UInt64 = 1) {
        store = Store(seed: seed)
        admission = AdmissionChain.standard
        registerCoreControllers()
        for name in Self.initialNamespaces {
            var namespace = Namespace()
            namespace.metadata.name = name
            _ = try? store.create(.namespace(namespace.withDefaults()))
        }
        _ = try? store.create(.storageClass(StandardStorageClass.make()))
        for node in shape.nodes { _ = try? store.create(.node(node)) }
        for object in BootstrapRoles.objects { _ = try? store.create(object) }
        try? settle()
    }

    /// The controllers of the core; later issues add theirs here, one line each.
    private func registerCoreControllers() {
        runner.register(ServiceAccountController())
        runner.register(SchedulingController(cluster: self))
        runner.register(KubeletController())
        runner.register(GarbageCollector())
        runner.register(NodeLifecycleController())
        runner.register(NamespaceController())
        runner.register(ResourceQuotaController())
        runner.register(ReplicaSetController(cluster: self))
        runner.register(DeploymentController(cluster: self))
        runner.register(StatefulSetController(cluster: self))
        runner.register(DaemonSetController(cluster: self))
        runner.register(JobController(cluster: self))
        runner.register(TTLAfterFinishedController())
        runner.register(CronJobController(cluster: self))
        runner.register(PodGCController())
        runner.register(PersistentVolumeController())
        runner.register(SimulatedProvisioner(cluster: self))
        runner.register(PVCProtectionController())
        runner.register(PVProtectionController())
        runner.register(HorizontalPodAutoscalerController(cluster: self))
        runner.register(DisruptionController())
        runner.register(EndpointsController(cluster: self))
        runner.register(EndpointSliceController(cluster: self))
    }

    /// Runs what is due at the current instant (after a write), without moving the clock.
    public func settle() throws {
        try runner.run(store, until: store.now, stopWhenIdle: true)
    }

    /// `advance 30s`: runs controllers and kubelets in time order up to now + `duration`.
    public func advance(by duration: VirtualDuration) throws {
        try runner.run(store, until: store.now + duration, stopWhenIdle: false)
    }

    /// `advance` with no duration: runs until nothing is pending, at most `cap` of virtual time.
    /// Returns true when the cluster went quiet before the cap.
    @discardableResult
    public func advanceUntilQuiet(cap: VirtualDuration = .minutes(10)) throws -> Bool {
        try runner.run(store, until: store.now + cap, stopWhenIdle: true)
        return runner.isIdle
    }

    public func get(_ key: ObjectKey) -> KubeObject? { store.get(key) }
}

/// Chooses a node for a pod: the scheduler branch implements this over its `Scheduler`.
public protocol PodPlacement {
    func place(_ pod: Pod, in store: Store) -> PlacementOutcome
    /// Places pods one after another, each decision seeing the bindings made before it (the
    /// scheduler cache's assumed pods), so a queue of pods costs one look at the store.
    func place(_ pods: [Pod], in store: Store) -> [PlacementOutcome]
    /// The scheduling queue's pods: no `nodeName`, not being deleted, in key order.
    func pendingPods(in store: Store) -> [Pod]
    /// False when no pod already in the queue is waiting for room (so a pod leaving needs no
    /// scheduling cycle); true when unsure.
    var mayHaveWaitingPods: Bool { get }
}

extension Pod {
    /// In the scheduling queue: no `nodeName` yet, and not being deleted.
    var awaitsScheduling: Bool { $spec.read(\.nodeName) == nil && metadata.deletionTimestamp == nil }
}

extension PodPlacement {
    public var mayHaveWaitingPods: Bool { true }

    public func pendingPods(in store: Store) -> [Pod] {
        store.list(kind: "Pod").filter { $0.withPod(\.awaitsScheduling) == true }.compactMap(\.pod)
    }

    public func place(_ pods: [Pod], in store: Store) -> [PlacementOutcome] {
        pods.map { place($0, in: store) }
    }
}

/// What the scheduler decided for one pod.
public enum PlacementOutcome: Equatable, Sendable {
    case bind(node: String)
    /// `message` is upstream's FitError text (`0/4 nodes are available: …`).
    case unschedulable(message: String, nominatedNode: String?, victims: [ObjectKey])
}
