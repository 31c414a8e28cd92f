import KubeModel

/// Resolves `priorityClassName` to `priority` (plugin/pkg/admission/priority/admission.go):
/// a missing class is rejected; no name takes the `globalDefault` class, else priority 0.
/// The two system classes exist in every cluster (pkg/apis/scheduling/types.go).
struct PriorityAdmission: AdmissionPlugin {
    let name = "Priority"
    static let systemClasses: [String: Int32] = ["system-cluster-critical": 2_000_000_000, "system-node-critical": 2_000_001_000]

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate else { return }
        var missing: String?
        object.editPodSpec { spec in
            guard let resolved = Self.resolve(spec.priorityClassName, store: store) else {
                missing = spec.priorityClassName
                return
            }
            if let className = resolved.className { spec.priorityClassName = className }
            spec.priority = resolved.priority
            if spec.preemptionPolicy == nil { spec.preemptionPolicy = resolved.preemptionPolicy ?? "PreemptLowerPriority" }
        }
        if let missing { throw AdmissionChain.forbidden(object, "no PriorityClass with name \(missing) was found") }
    }

    /// The priority a pod's class gives it, the default class's name when it names none, and the
    /// class's preemption policy; nil when the named class does not exist.
    private static func resolve(_ className: String?, store: Store) -> (className: String?, priority: Int32, preemptionPolicy: String?)? {
        if let className, !className.isEmpty, let system = systemClasses[className] { return (nil, system, nil) }
        let classes = store.list(kind: "PriorityClass").compactMap { object -> PriorityClass? in
            if case .priorityClass(let priorityClass) = object { return priorityClass } else { return nil }
        }
        if let className, !className.isEmpty {
            guard let found = classes.first(where: { $0.metadata.name == className }) else { return nil }
            return (nil, found.value, found.preemptionPolicy)
        }
        if let fallback = classes.filter({ $0.globalDefault == true }).min(by: { $0.value < $1.value }) {
            return (fallback.metadata.name, fallback.value, fallback.preemptionPolicy)
        }
        return (nil, 0, nil)
    }
}
