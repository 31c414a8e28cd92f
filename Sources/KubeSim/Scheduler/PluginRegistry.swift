/// The plugins a `Scheduler` runs, in order, with their score weights.
///
/// Upstream: `pkg/scheduler/framework/plugins/registry.go` (name → factory) and the default
/// profile in `pkg/scheduler/apis/config/v1/default_plugins.go`, v1.33.0. Order matters: filters run
/// in this order and a node's first rejection is the reason `FitError` counts for it.
public struct PluginRegistry: Sendable {
    /// One enabled plugin and, when it scores, its weight.
    public struct Entry: Sendable {
        public var plugin: any Plugin
        public var weight: Int64

        public init(_ plugin: any Plugin, weight: Int64 = 0) {
            self.plugin = plugin
            self.weight = weight
        }
    }

    public var entries: [Entry]
    /// The PostFilter plugin; nil disables preemption.
    public var preemption: DefaultPreemption?

    public init(entries: [Entry], preemption: DefaultPreemption? = DefaultPreemption()) {
        self.entries = entries
        self.preemption = preemption
    }

    /// kube-scheduler's default profile, minus the plugins the simulator has nothing for
    /// (SchedulingGates, VolumeRestrictions, NodeVolumeLimits, VolumeZone, DynamicResources), with
    /// upstream's weights: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2,
    /// InterPodAffinity 2, NodeResourcesFit 1 (LeastAllocated), BalancedAllocation 1, ImageLocality 1.
    public static let `default` = PluginRegistry(entries: [
        Entry(NodeUnschedulable()),
        Entry(NodeName()),
        Entry(TaintToleration(), weight: 3),
        Entry(NodeAffinity(), weight: 2),
        Entry(NodePorts()),
        Entry(NodeResourcesFit(), weight: 1),
        Entry(VolumeBinding()),
        Entry(PodTopologySpread(), weight: 2),
        Entry(InterPodAffinity(), weight: 2),
        Entry(NodeResourcesBalancedAllocation(), weight: 1),
        Entry(ImageLocality(), weight: 1),
    ])

    /// The weight of the named plugin, 0 when it is not enabled or does not score.
    public func weight(of name: String) -> Int64 {
        entries.first { $0.plugin.name == name }?.weight ?? 0
    }
}
