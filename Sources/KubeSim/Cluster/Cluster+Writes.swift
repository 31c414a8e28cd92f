import Foundation
import KubeModel

/// What `apply` did to one object, worded as kubectl prints it (`pod/web created`).
public enum ApplyOutcome: String, Sendable {
    case created, configured, unchanged
}

/// How `delete` treats dependents (`kubectl delete --cascade`).
public enum CascadeMode: String, Sendable, CaseIterable {
    /// The owner goes now; the garbage collector deletes dependents afterwards (kubectl's default).
    case background
    /// Dependents stay, with the owner's reference removed.
    case orphan
    /// The owner stays, with `deletionTimestamp` and the `foregroundDeletion` finalizer, until the
    /// garbage collector has deleted every dependent that blocks its deletion.
    case foreground
}

extension Cluster {
    /// The annotation `kubectl apply` keeps the last applied manifest in, for its three-way merge.
    public static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// `kubectl apply`: creates the object, or merges the fields the manifest sets into the live
    /// object and removes the fields a previous apply set and this one dropped (a three-way merge
    /// against `last-applied-configuration`; lists are merged by their strategic merge keys).
    @discardableResult
    public func apply(_ object: KubeObject) throws -> ApplyOutcome {
        var applied = object
        var meta = applied.meta
        if applied.isNamespaced, (meta.namespace ?? "").isEmpty { meta.namespace = "default" }
        meta.annotations = meta.annotations ?? [:]
        meta.annotations?[Self.lastAppliedAnnotation] = nil
        let manifest = applied.with(meta)
        meta.annotations?[Self.lastAppliedAnnotation] = String(decoding: try manifest.jsonData(), as: UTF8.self)
        applied = applied.with(meta)
        guard let live = store.get(applied.key) else {
            try create(applied)
            return .created
        }
        let lastApplied = live.meta.annotations?[Self.lastAppliedAnnotation]
            .flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        let merged = JSONMerge.threeWay(live: try live.jsonValue(), lastApplied: lastApplied, applied: try applied.jsonValue())
        guard let updated = try KubeObject.from(json: merged) else { throw APIError(reason: "BadRequest", message: "cannot merge \(applied.key)") }
        let result = try update(updated)
        return result == live ? .unchanged : .configured
    }

    /// `kubectl create`: fails with AlreadyExists when the object is there.
    @discardableResult
    public func create(_ object: KubeObject) throws -> KubeObject {
        var object = object
        if object.isNamespaced, (object.meta.namespace ?? "").isEmpty {
            var meta = object.meta
            meta.namespace = "default"
            object.meta = meta
        }
        if object.kind != "Event" { try admit(&object, operation: .create) }
        let created = try store.create(object)
        try settle()
        return created
    }

    /// `kubectl replace`: the whole object is replaced (status and server fields kept).
    @discardableResult
    public func replace(_ object: KubeObject) throws -> KubeObject {
        var object = object
        if object.isNamespaced, (object.meta.namespace ?? "").isEmpty {
            var meta = object.meta
            meta.namespace = "default"
            object.meta = meta
        }
        guard store.get(object.key) != nil else { throw APIError.notFound(object.key) }
        return try update(object)
    }

    /// Updates through admission, keeping the live status (spec writes never set status).
    @discardableResult
    func update(_ object: KubeObject) throws -> KubeObject {
        guard let live = store.get(object.key) else { throw APIError.notFound(object.key) }
        var object = StatusCarry.keepingStatus(of: live, in: object)
        try admit(&object, operation: .update(old: live))
        if case .pod(let old) = live, case .pod(let new) = object, old.spec != new.spec,
           PodUpdateRule.violates(old: old, new: new) {
            throw APIError(reason: "Invalid", message: PodUpdateRule.message(name: new.metadata.name ?? ""))
        }
        let updated = try store.update(object)
        try settle()
        return updated
    }

    /// `kubectl delete`: pods on a node terminate gracefully (the kubelet finishes the deletion);
    /// everything else goes now, and dependents follow through the garbage collector.
    public func delete(_ key: ObjectKey, cascade: CascadeMode = .background, gracePeriod: Int64? = nil) throws {
        guard var object = store.get(key) else { throw APIError.notFound(key) }
        try NamespaceLifecycle.admitDeletion(of: object)
        if cascade == .foreground {
            object = GarbageCollector.markForForegroundDeletion(object, in: store)
        }
        if cascade == .orphan, let uid = object.meta.uid {
            for dependent in store.dependents(ofUID: uid) {
                var meta = dependent.meta
                meta.ownerReferences = meta.ownerReferences?.filter { $0.uid != uid }
                if meta.ownerReferences?.isEmpty == true { meta.ownerReferences = nil }
                store.updateStatus(dependent.with(meta))
            }
        }
        GracefulDeletion.delete(object, in: store, gracePeriod: gracePeriod)
        try settle()
    }

    /// `kubectl label`: sets `key=value`, removes `key-`; an existing different value needs
    /// `--overwrite` (kubectl: `'app' already has a value (web), and --overwrite is false`).
    public func label(_ key: ObjectKey, _ changes: [String], overwrite: Bool = false) throws {
        try editMetadata(key, changes, overwrite: overwrite) { $0.labels } set: { $0.labels = $1 }
    }

    /// `kubectl annotate`, with the same rules as `label`.
    public func annotate(_ key: ObjectKey, _ changes: [String], overwrite: Bool = false) throws {
        try editMetadata(key, changes, overwrite: overwrite) { $0.annotations } set: { $0.annotations = $1 }
    }

    private func editMetadata(_ key: ObjectKey, _ changes: [String], overwrite: Bool,
                              get: (ObjectMeta) -> [String: String]?, set: (inout ObjectMeta, [String: String]?) -> Void) throws {
        guard let object = store.get(key) else { throw APIError.notFound(key) }
        var meta = object.meta
        var values = get(meta) ?? [:]
        for change in changes {
            if change.hasSuffix("-") {
                values[String(change.dropLast())] = nil
                continue
            }
            let parts = change.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw APIError(reason: "BadRequest", message: "invalid label or annotation \"\(change)\"") }
            let name = String(parts[0]), value = String(parts[1])
            if let existing = values[name], existing != value, !overwrite {
                throw APIError(reason: "BadRequest", message: "'\(name)' already has a value (\(existing)), and --overwrite is false")
            }
            values[name] = value
        }
        set(&meta, values.isEmpty ? nil : values)
        store.updateStatus(object.with(meta))
        try settle()
    }

    /// `kubectl patch`: `strategic` (default) merges lists by their merge keys (containers by
    /// name…), `merge` is RFC 7386 JSON merge patch (lists replaced).
    public func patch(_ key: ObjectKey, patch: JSONValue, strategic: Bool = true) throws {
        guard let live = store.get(key) else { throw APIError.notFound(key) }
        let merged = JSONMerge.apply(patch: patch, to: try live.jsonValue(), strategic: strategic)
        guard let object = try KubeObject.from(json: merged) else { throw APIError(reason: "BadRequest", message: "the patch does not decode as \(key.kind)") }
        try update(object)
    }

    func admit(_ object: inout KubeObject, operation: AdmissionOperation) throws {
        // Each plugin called where it lies: `for plugin in` copied every existential out.
        try admission.withUnsafeBufferPointer { plugins in
            for index in plugins.indices { try plugins[index].admit(&object, operation: operation, store: store) }
        }
    }
}

/// Spec writes keep the live status, as the main resource endpoint ignores status changes.
enum StatusCarry {
    static func keepingStatus(of live: KubeObject, in object: KubeObject) -> KubeObject {
        guard case .object(var fields)? = try? object.jsonValue(), case .object(let liveFields)? = try? live.jsonValue() else { return object }
        fields["status"] = liveFields["status"]
        return (try? KubeObject.from(json: .object(fields))).flatMap { $0 } ?? object
    }
}

/// Pod spec is mostly immutable after creation (upstream: ValidatePodUpdate in
/// pkg/apis/core/validation/validation.go): only images, activeDeadlineSeconds, tolerations
/// (additions) and scheduling gates may change.
enum PodUpdateRule {
    static func violates(old: Pod, new: Pod) -> Bool {
        guard var oldSpec = old.spec, var newSpec = new.spec else { return false }
        for index in oldSpec.containers.indices where index < newSpec.containers.count {
            newSpec.containers[index].image = oldSpec.containers[index].image
        }
        oldSpec.activeDeadlineSeconds = nil
        newSpec.activeDeadlineSeconds = nil
        oldSpec.tolerations = nil
        newSpec.tolerations = nil
        newSpec.nodeName = oldSpec.nodeName
        return oldSpec != newSpec
    }

    static func message(name: String) -> String {
        "Pod \"\(name)\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
    }
}
