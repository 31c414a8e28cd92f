import KubeModel

/// Resolves `priorityClassName` to `priority` (plugin/pkg/admission/priority/admission.go):
/// a missing class is rejected; no name takes the `globalDefault` class, else priority 0.
/// The two system classes exist in every cluster (pkg/apis/scheduling/types.go).
struct PriorityAdmission: AdmissionPlugin {
    let name = "Priority"
    static let systemClasses: [String: Int32] = ["system-cluster-critical": 2_000_000_000, "system-node-critical": 2_000_001_000]

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate, let resolved = try Self.resolve(object, store: store) else { return }
        object.editPod { pod in
            if let className = resolved.className { pod.spec?.priorityClassName = className }
            pod.spec?.priority = resolved.priority
            if pod.spec?.preemptionPolicy == nil { pod.spec?.preemptionPolicy = resolved.preemptionPolicy ?? "PreemptLowerPriority" }
        }
    }

    /// The priority a pod's class gives it, the default class's name when it names none, and the
    /// class's preemption policy; nil for anything but a pod with a spec. (Read apart from the
    /// edit, so the pod is not shared while it is written.)
    private static func resolve(_ object: KubeObject, store: Store) throws -> (className: String?, priority: Int32, preemptionPolicy: String?)? {
        guard case .pod(let pod) = object, pod.spec != nil else { return nil }
        let className = pod.spec?.priorityClassName
        if let className, !className.isEmpty, let system = systemClasses[className] { return (nil, system, nil) }
        let classes = store.list(kind: "PriorityClass").compactMap { object -> PriorityClass? in
            if case .priorityClass(let priorityClass) = object { return priorityClass } else { return nil }
        }
        if let className, !className.isEmpty {
            guard let found = classes.first(where: { $0.metadata.name == className }) else {
                throw AdmissionChain.forbidden(object, "no PriorityClass with name \(className) was found")
            }
            return (nil, found.value, found.preemptionPolicy)
        }
        if let fallback = classes.filter({ $0.globalDefault == true }).min(by: { $0.value < $1.value }) {
            return (fallback.metadata.name, fallback.value, fallback.preemptionPolicy)
        }
        return (nil, 0, nil)
    }
}
