import KubeModel

/// Resolves `priorityClassName` to `priority` (plugin/pkg/admission/priority/admission.go):
/// a missing class is rejected; no name takes the `globalDefault` class, else priority 0.
/// The two system classes exist in every cluster (pkg/apis/scheduling/types.go).
struct PriorityAdmission: AdmissionPlugin {
    let name = "Priority"
    static let systemClasses: [String: Int32] = ["system-cluster-critical": 2_000_000_000, "system-node-critical": 2_000_001_000]

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard case .pod(var pod) = object, operation.isCreate, var spec = pod.spec else { return }
        let classes = store.list(kind: "PriorityClass").compactMap { object -> PriorityClass? in
            if case .priorityClass(let priorityClass) = object { return priorityClass } else { return nil }
        }
        if let className = spec.priorityClassName, !className.isEmpty {
            if let system = Self.systemClasses[className] {
                spec.priority = system
            } else if let found = classes.first(where: { $0.metadata.name == className }) {
                spec.priority = found.value
                spec.preemptionPolicy = spec.preemptionPolicy ?? found.preemptionPolicy ?? "PreemptLowerPriority"
            } else {
                throw AdmissionChain.forbidden(object, "no PriorityClass with name \(className) was found")
            }
        } else if let fallback = classes.filter({ $0.globalDefault == true }).min(by: { $0.value < $1.value }) {
            spec.priorityClassName = fallback.metadata.name
            spec.priority = fallback.value
            spec.preemptionPolicy = spec.preemptionPolicy ?? fallback.preemptionPolicy ?? "PreemptLowerPriority"
        } else {
            spec.priority = 0
        }
        spec.preemptionPolicy = spec.preemptionPolicy ?? "PreemptLowerPriority"
        pod.spec = spec
        object = .pod(pod)
    }
}
