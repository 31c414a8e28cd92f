/// Data plugins compute once per scheduling cycle (PreFilter/PreScore) and read per node.
///
/// Upstream: `pkg/scheduler/framework/cycle_state.go`, v1.33.0, keyed there by strings; here by
/// the state's type, which is cheaper to hash and cannot collide between plugins.
public final class CycleState: @unchecked Sendable {
    private var storage: [ObjectIdentifier: AnyObject] = [:]

    public init() {}

    /// Stores `value`, replacing an earlier value of the same type.
    public func write<T: AnyObject>(_ value: T) {
        storage[ObjectIdentifier(T.self)] = value
    }

    /// The value of type `T` written this cycle, or nil when its PreFilter/PreScore did not run.
    public func read<T: AnyObject>(_ type: T.Type) -> T? {
        storage[ObjectIdentifier(T.self)] as? T
    }
}

/// The nodes a PreFilter plugin limited the cycle to (upstream `PreFilterResult.NodeNames`).
final class PreFilterNodeNames {
    var names: Set<String>
    var plugins: [String]

    init(names: Set<String>, plugins: [String]) {
        self.names = names
        self.plugins = plugins
    }
}

extension CycleState {
    /// Intersects the cycle's candidate nodes with `names` (upstream `PreFilterResult.Merge`).
    func restrictNodes(to names: Set<String>, by plugin: String) {
        if let existing = read(PreFilterNodeNames.self) {
            existing.names.formIntersection(names)
            existing.plugins.append(plugin)
        } else {
            write(PreFilterNodeNames(names: names, plugins: [plugin]))
        }
    }
}
