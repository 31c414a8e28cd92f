import KubeModel

/// The conditions a terminating namespace reports (deletion/namespaced_resources_deleter.go
/// `updateDeleteConditions`, v1.33): what content is left and which finalizers hold it.
enum NamespaceConditions {
    static func status(of namespace: Namespace, remaining: [KubeObject], at now: VirtualTime) -> NamespaceStatus {
        var status = namespace.status ?? NamespaceStatus()
        status.phase = "Terminating"
        var byResource: [String: Int] = [:], byFinalizer: [String: Int] = [:]
        for object in remaining {
            let resource = ResourceName.forKind(object.kind)
            byResource["\(resource.plural).\(resource.group)", default: 0] += 1
            for finalizer in object.meta.finalizers ?? [] { byFinalizer[finalizer, default: 0] += 1 }
        }
        let contentMessage = byResource.isEmpty ? nil
            : "Some resources are remaining: " + byResource.sorted { $0.key < $1.key }.map { "\($0.key) has \($0.value) resource instances" }.joined(separator: ", ")
        let finalizerMessage = byFinalizer.isEmpty ? nil
            : "Some content in the namespace has finalizers remaining: " + byFinalizer.sorted { $0.key < $1.key }.map { "\($0.key) in \($0.value) resource instances" }.joined(separator: ", ")
        let conditions: [(String, Bool, String, String)] = [
            ("NamespaceDeletionDiscoveryFailure", false, "ResourcesDiscovered", "All resources successfully discovered"),
            ("NamespaceDeletionGroupVersionParsingFailure", false, "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            ("NamespaceDeletionContentFailure", false, "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            ("NamespaceContentRemaining", contentMessage != nil, contentMessage == nil ? "ContentRemoved" : "SomeResourcesRemain",
             contentMessage ?? "All content successfully removed"),
            ("NamespaceFinalizersRemaining", finalizerMessage != nil, finalizerMessage == nil ? "ContentHasNoFinalizers" : "SomeFinalizersRemain",
             finalizerMessage ?? "All content-preserving finalizers finished"),
        ]
        let previous = status.conditions ?? []
        status.conditions = conditions.map { type, isTrue, reason, message in
            var condition = NamespaceCondition()
            condition.type = type
            condition.status = isTrue ? "True" : "False"
            condition.reason = reason
            condition.message = message
            let old = previous.first { $0.type == type }
            condition.lastTransitionTime = old?.status == condition.status ? old?.lastTransitionTime : now.rfc3339
            return condition
        }
        return status
    }
}
