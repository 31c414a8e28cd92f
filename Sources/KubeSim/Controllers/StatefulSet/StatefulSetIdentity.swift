import KubeModel

/// Who each StatefulSet pod is: an ordinal in its name, the labels naming it, a stable hostname
/// under the set's Service and its own claims. Upstream: pkg/controller/statefulset/
/// stateful_set_utils.go, v1.33 (PodIndexLabel and StatefulSetStartOrdinal are on by default).
enum StatefulSetIdentity {
    /// `apps.StatefulSetPodNameLabel`.
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    /// `apps.PodIndexLabel`.
    static let podIndexLabel = "apps.kubernetes.io/pod-index"
    /// `apps.StatefulSetRevisionLabel`: the revision (`web-5d8f9c7b6`) a pod was made from.
    static let revisionLabel = "controller-revision-hash"

    /// `getParentNameAndOrdinal`: the name split as `(.*)-([0-9]+)$`; ordinal -1 when it has none.
    static func parentAndOrdinal(_ name: String) -> (parent: String, ordinal: Int) {
        guard let dash = name.lastIndex(of: "-") else { return ("", -1) }
        let digits = name[name.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return ("", -1) }
        return (String(name[..<dash]), Int32(digits).map(Int.init) ?? -1)
    }

    static func ordinal(_ pod: Pod) -> Int { parentAndOrdinal(pod.metadata.name ?? "").ordinal }

    /// `getStartOrdinal`: `spec.ordinals.start`, else 0.
    static func startOrdinal(_ set: StatefulSet) -> Int { Int(set.spec?.ordinals?.start ?? 0) }

    static func replicas(_ set: StatefulSet) -> Int { Int(set.spec?.replicas ?? 1) }

    /// `getEndOrdinal` (inclusive).
    static func endOrdinal(_ set: StatefulSet) -> Int { startOrdinal(set) + replicas(set) - 1 }

    /// `podInOrdinalRange`: pods outside it are condemned (scaled down).
    static func isInOrdinalRange(_ pod: Pod, _ set: StatefulSet) -> Bool {
        let ordinal = ordinal(pod)
        return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set)
    }

    /// `getPodName`: `<set>-<ordinal>`.
    static func podName(_ set: StatefulSet, _ ordinal: Int) -> String { "\(set.metadata.name ?? "")-\(ordinal)" }

    /// `getPersistentVolumeClaimName`: `<claim template>-<set>-<ordinal>`.
    static func claimName(_ set: StatefulSet, template: PersistentVolumeClaim, ordinal: Int) -> String {
        "\(template.metadata.name ?? "")-\(set.metadata.name ?? "")-\(ordinal)"
    }

    /// `isMemberOf`: the pod's name says it belongs to this set; only members are claimed.
    static func isMember(_ pod: Pod, of set: StatefulSet) -> Bool {
        let (parent, ordinal) = parentAndOrdinal(pod.metadata.name ?? "")
        return ordinal >= 0 && parent == set.metadata.name
    }

    /// `identityMatches`: right name and namespace, and the pod-name label.
    static func identityMatches(_ set: StatefulSet, _ pod: Pod) -> Bool {
        let (parent, ordinal) = parentAndOrdinal(pod.metadata.name ?? "")
        return ordinal >= 0 && parent == set.metadata.name && pod.metadata.name == podName(set, ordinal)
            && pod.metadata.namespace == set.metadata.namespace
            && pod.metadata.labels?[podNameLabel] == pod.metadata.name
    }

    /// `storageMatches`: every claim template has a volume of its name using this pod's claim.
    static func storageMatches(_ set: StatefulSet, _ pod: Pod) -> Bool {
        let ordinal = ordinal(pod)
        guard ordinal >= 0 else { return false }
        let volumes = Dictionary((pod.spec?.volumes ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for template in set.spec?.volumeClaimTemplates ?? [] {
            guard let volume = volumes[template.metadata.name ?? ""],
                  volume.persistentVolumeClaim?.claimName == claimName(set, template: template, ordinal: ordinal) else { return false }
        }
        return true
    }

    /// `getPersistentVolumeClaims`: one claim per template, named for the pod, in the set's
    /// namespace, labelled with the template's labels plus the selector's `matchLabels`.
    static func claims(_ set: StatefulSet, ordinal: Int) -> [(template: String, claim: PersistentVolumeClaim)] {
        (set.spec?.volumeClaimTemplates ?? []).map { template in
            var claim = template
            claim.metadata.name = claimName(set, template: template, ordinal: ordinal)
            claim.metadata.namespace = set.metadata.namespace
            var labels = template.metadata.labels ?? [:]
            for (key, value) in set.spec?.selector.matchLabels ?? [:] { labels[key] = value }
            claim.metadata.labels = labels.isEmpty ? nil : labels
            claim.status = nil
            return (template.metadata.name ?? "", claim)
        }
    }

    /// `updateStorage`: a `persistentVolumeClaim` volume per template (replacing a volume of the
    /// same name), then the pod's other volumes. Upstream walks a map; we keep template order.
    static func updateStorage(_ set: StatefulSet, _ pod: inout Pod) {
        let claims = claims(set, ordinal: ordinal(pod))
        var volumes: [Volume] = claims.map { entry in
            var volume = Volume()
            volume.name = entry.template
            var source = PersistentVolumeClaimVolumeSource()
            source.claimName = entry.claim.metadata.name ?? ""
            volume.persistentVolumeClaim = source
            return volume
        }
        let templateNames = Set(claims.map(\.template))
        volumes += (pod.spec?.volumes ?? []).filter { !templateNames.contains($0.name) }
        pod.spec?.volumes = volumes.isEmpty ? nil : volumes
    }

    /// `updateIdentity`: name, namespace and the pod-name and pod-index labels.
    static func updateIdentity(_ set: StatefulSet, _ pod: inout Pod) {
        let ordinal = ordinal(pod)
        let name = podName(set, ordinal)
        pod.metadata.name = name
        pod.metadata.namespace = set.metadata.namespace
        var labels = pod.metadata.labels ?? [:]
        labels[podNameLabel] = name
        labels[podIndexLabel] = String(ordinal)
        pod.metadata.labels = labels
    }

    /// `newStatefulSetPod`: the template's pod with its identity, and `hostname`/`subdomain` so
    /// that with a headless Service it resolves as `<pod>.<serviceName>.<namespace>.svc.cluster.local`.
    static func newPod(_ set: StatefulSet, ordinal: Int, revision: String) -> Pod {
        var pod = PodTemplate.pod(from: set.spec?.template, owner: .statefulSet(set), name: podName(set, ordinal))
        updateIdentity(set, &pod)
        if pod.spec == nil { pod.spec = PodSpec() }
        let name = pod.metadata.name
        pod.spec?.hostname = name
        pod.spec?.subdomain = set.spec?.serviceName.flatMap { $0.isEmpty ? nil : $0 }
        updateStorage(set, &pod)
        pod.metadata.labels?[revisionLabel] = revision
        return pod
    }

    static func revision(_ pod: Pod) -> String? { pod.metadata.labels?[revisionLabel] }
}
