import KubeModel

/// What a reconcile asks of the runner next (upstream: a worker's `Forget` or `AddAfter`).
public enum ReconcileResult: Equatable, Sendable {
    /// Nothing more to do until a watched object changes.
    case done
    /// Call again after this much virtual time (a back-off ending, a probe due, a grace period).
    case requeue(after: VirtualDuration)
}

/// A control loop on the virtual clock (STYLE.md §2, after job_controller.go): store changes map to
/// keys, keys are reconciled one at a time in time order, and nothing reads the wall clock.
/// A new controller plugs in with one `register` line in `Cluster.registerCoreControllers`.
public protocol Controller {
    var name: String { get }
    /// The keys this controller wants to look at after `event` (often the object's own key, or
    /// its owner's, or the pods on a node that changed).
    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey]
    /// The kinds whose changes `keys(for:in:)` can answer with a key (the informers a controller
    /// registers handlers on); nil for every kind. The runner asks no one else about a change.
    var watchedKinds: Set<String>? { get }
    /// The kinds whose objects it exists to reconcile (the ReplicaSet controller's ReplicaSets,
    /// the Endpoints controller's Services); nil when there are none in particular. While the
    /// store holds no object of any of them, a change of another kind cannot lead to work (its
    /// keys would name objects that are not there), and the runner does not ask about it, as an
    /// informer handler of a controller with nothing to manage has nothing to enqueue. Changes
    /// of these kinds themselves are always handed over.
    var primaryKinds: Set<String>? { get }
    /// How long after `event` its keys are due (upstream: a handler's `AddAfter`); zero for most.
    func delay(after event: WatchEvent, in store: Store) -> VirtualDuration
    /// Brings `key` towards its desired state; must not assume the object still exists.
    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult
}

extension Controller {
    public var watchedKinds: Set<String>? { nil }
    public var primaryKinds: Set<String>? { nil }
    public func delay(after event: WatchEvent, in store: Store) -> VirtualDuration { .seconds(0) }
}
