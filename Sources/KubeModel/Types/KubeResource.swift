/// What every top-level object has, whatever its kind: the simulator stores objects through this.
public protocol KubeResource: Codable, Sendable {
    static var resourceAPIVersion: String { get }
    static var resourceKind: String { get }
    /// False for cluster-scoped kinds (Namespace, Node, PersistentVolume, ClusterRole…).
    static var isNamespaced: Bool { get }
    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}
