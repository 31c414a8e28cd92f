/// In-place edits of the object inside a `KubeObject`. Binding the payload with
/// `case .pod(var pod) = object` shares its storage with the enum, so the first write to
/// `pod.spec` copied the whole spec into new storage; taking the payload out first leaves it
/// unshared, and every write goes to the storage it already has (admission edits each pod a
/// dozen times on create).
extension KubeObject {
    /// Stands in for the payload while it is out being edited; shared, so it costs a retain.
    @usableFromInline static let vacated = KubeObject.configMap(ConfigMap())

    /// Runs `edit` on the pod, if this is one; nil otherwise.
    @inlinable @discardableResult
    public mutating func editPod<Result>(_ edit: (inout Pod) throws -> Result) rethrows -> Result? {
        guard case .pod(var pod) = self else { return nil }
        self = Self.vacated
        defer { self = .pod(pod) }
        return try edit(&pod)
    }

    /// Runs `edit` on the pod's spec, if this is a pod with one; nil otherwise. Reads inside
    /// `edit` are in place too, where `pod.spec?.field` outside copied the whole spec first.
    @inlinable @discardableResult
    public mutating func editPodSpec<Result>(_ edit: (inout PodSpec) throws -> Result) rethrows -> Result? {
        try editPod { pod in try Self.edit(&pod.spec, edit) } ?? nil
    }

    /// Runs `edit` on `value` in place when it is present; nil when it is not.
    @inlinable public static func edit<Wrapped, Result>(_ value: inout Wrapped?, _ edit: (inout Wrapped) throws -> Result) rethrows -> Result? {
        if case .none = value { return nil }
        return try edit(&value!)
    }

    /// Runs `edit` on the Job, if this is one; nil otherwise.
    @inlinable @discardableResult
    public mutating func editJob<Result>(_ edit: (inout Job) throws -> Result) rethrows -> Result? {
        guard case .job(var job) = self else { return nil }
        self = Self.vacated
        defer { self = .job(job) }
        return try edit(&job)
    }
}
