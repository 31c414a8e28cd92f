import KubeModel

/// Owner references as the workload controllers set and read them
/// (upstream: `metav1.NewControllerRef`, `metav1.GetControllerOf`,
/// pkg/controller/controller_ref_manager.go).
public enum ControllerRef {
    /// The reference a controller puts on what it creates: `controller: true` and
    /// `blockOwnerDeletion: true`, so foreground deletion waits for it.
    public static func make(for owner: KubeObject) -> OwnerReference {
        var reference = OwnerReference()
        reference.apiVersion = owner.apiVersion
        reference.kind = owner.kind
        reference.name = owner.withMetadata(\.name) ?? ""
        reference.uid = owner.withMetadata(\.uid) ?? ""
        reference.controller = true
        reference.blockOwnerDeletion = true
        return reference
    }

    /// The one owner reference with `controller: true`, if any.
    public static func of(_ object: KubeObject) -> OwnerReference? {
        object.withMetadata { $0.ownerReferences?.first { $0.controller == true } }
    }

    /// Where the controller reference is among `references`. The readers below look at it in
    /// place: copying the reference out (as `of` does) retained and released its six strings
    /// for each change or dependent a controller reads.
    private static func controllerIndex(_ references: [OwnerReference]?) -> Int? {
        references?.firstIndex { $0.controller == true }
    }

    /// The name of `object`'s controller when it is of `kind`.
    public static func name(of object: KubeObject, ifKind kind: String) -> String? {
        object.withMetadata { meta in
            guard let index = controllerIndex(meta.ownerReferences), meta.ownerReferences![index].kind == kind else { return nil }
            return meta.ownerReferences![index].name
        }
    }

    /// True when `owner` is the controller of `object`.
    public static func isControlled(_ object: KubeObject, by owner: KubeObject) -> Bool {
        guard let uid = owner.withMetadata(\.uid) else { return false }
        return isControlled(object, byUID: uid)
    }

    /// `of(object)?.uid == uid`.
    public static func isControlled(_ object: KubeObject, byUID uid: String?) -> Bool {
        controllerUID(of: object) == uid
    }

    /// The uid `of(object)` names.
    static func controllerUID(of object: KubeObject) -> String? {
        object.withMetadata { meta in controllerIndex(meta.ownerReferences).map { meta.ownerReferences![$0].uid } }
    }

    /// The objects in `dependents` that `uid` controls, as `typed` takes them (`.job`, `.pod`),
    /// in an array sized once.
    @inline(__always)
    static func controlled<Typed>(_ dependents: [KubeObject], byUID uid: String?, _ typed: (KubeObject) -> Typed?) -> [Typed] {
        var found: [Typed] = []
        found.reserveCapacity(dependents.count)  // grown once, where compactMap grew it step by step
        for object in dependents {
            if let value = typed(object), isControlled(object, byUID: uid) { found.append(value) }
        }
        return found
    }

    /// The objects a controller owns after adoption and release, as `ClaimPods` does: an
    /// orphan whose labels match the selector is adopted (its controller reference is added);
    /// an owned one whose labels no longer match is released (the reference removed). Objects
    /// being deleted are neither adopted nor released. Returns the owned objects, sorted by key.
    public static func claim(_ candidates: [KubeObject], for owner: KubeObject, selector: LabelSelector?,
                             in client: ControllerClient) -> [KubeObject] {
        guard let selector, !(selector.matchLabels ?? [:]).isEmpty || !(selector.matchExpressions ?? []).isEmpty else { return [] }
        // An owner being deleted does not adopt (controller_ref_manager.go `canAdopt`).
        let ownerDeleting = owner.withMetadata(\.deletionTimestamp) != nil
        let ownerUID = owner.withMetadata(\.uid)
        var owned: [KubeObject] = []
        owned.reserveCapacity(candidates.count)  // grown once
        for candidate in candidates {
            let matches = selector.matches(candidate.withMetadata(\.labels) ?? [:])
            if let controllerUID = controllerUID(of: candidate) {
                guard controllerUID == ownerUID else { continue }
                if matches || candidate.withMetadata(\.deletionTimestamp) != nil {
                    owned.append(candidate)
                } else {
                    var meta = candidate.meta
                    meta.ownerReferences = meta.ownerReferences?.filter { $0.uid != controllerUID }
                    if meta.ownerReferences?.isEmpty == true { meta.ownerReferences = nil }
                    client.updateStatus(candidate.with(meta))
                }
            } else if matches, !ownerDeleting, candidate.withMetadata(\.deletionTimestamp) == nil {
                var meta = candidate.meta
                meta.ownerReferences = (meta.ownerReferences ?? []) + [make(for: owner)]
                if let adopted = client.updateStatus(candidate.with(meta)) { owned.append(adopted) }
            }
        }
        return owned
    }
}
