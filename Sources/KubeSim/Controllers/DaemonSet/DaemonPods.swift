import KubeModel

/// What makes a DaemonSet pod: the node it is for, the tolerations every daemon pod gets, the
/// labels naming its revision. Upstream: pkg/controller/daemon/util/daemonset_util.go and
/// daemon_controller.go (`NodeShouldRunDaemonPod`, `NewPod`, `podByCreationTimestampAndPhase`), v1.33.
enum DaemonPods {
    /// The template generation the API server keeps on the DaemonSet (`apps.DeprecatedTemplateGeneration`).
    static let templateGenerationAnnotation = "deprecated.daemonset.template.generation"
    /// `extensions.DaemonSetTemplateGenerationKey`.
    static let templateGenerationLabel = "pod-template-generation"
    /// `apps.DefaultDaemonSetUniqueLabelKey`.
    static let hashLabel = "controller-revision-hash"

    /// `AddOrUpdateDaemonPodTolerations`: daemon pods survive node problems and cordons — NoExecute
    /// `not-ready` and `unreachable` for ever (no `tolerationSeconds`), NoSchedule for the
    /// pressure taints and `unschedulable`, and `network-unavailable` for host-network pods.
    static func addDaemonTolerations(_ spec: inout PodSpec) {
        var wanted: [(String, String)] = [
            ("node.kubernetes.io/not-ready", "NoExecute"),
            ("node.kubernetes.io/unreachable", "NoExecute"),
            ("node.kubernetes.io/disk-pressure", "NoSchedule"),
            ("node.kubernetes.io/memory-pressure", "NoSchedule"),
            ("node.kubernetes.io/pid-pressure", "NoSchedule"),
            ("node.kubernetes.io/unschedulable", "NoSchedule"),
        ]
        if spec.hostNetwork == true { wanted.append(("node.kubernetes.io/network-unavailable", "NoSchedule")) }
        for (key, effect) in wanted {
            var toleration = Toleration()
            toleration.key = key
            toleration.operator = "Exists"
            toleration.effect = effect
            addOrUpdate(toleration, in: &spec)
        }
    }

    /// `v1helper.AddOrUpdateTolerationInPodSpec`: a toleration with the same key, operator, value
    /// and effect is replaced (dropping its `tolerationSeconds`); otherwise it is appended.
    static func addOrUpdate(_ toleration: Toleration, in spec: inout PodSpec) {
        func same(_ lhs: Toleration, _ rhs: Toleration) -> Bool {
            (lhs.key ?? "") == (rhs.key ?? "") && (lhs.effect ?? "") == (rhs.effect ?? "")
                && (lhs.operator ?? "") == (rhs.operator ?? "") && (lhs.value ?? "") == (rhs.value ?? "")
        }
        var tolerations = spec.tolerations ?? []
        if let index = tolerations.firstIndex(where: { same($0, toleration) }) {
            tolerations[index] = toleration
        } else {
            tolerations.append(toleration)
        }
        spec.tolerations = tolerations
    }

    /// `GetTemplateGeneration`: the annotation's number, nil when missing or not a number.
    static func templateGeneration(_ ds: DaemonSet) -> Int64? {
        ds.metadata.annotations?[templateGenerationAnnotation].flatMap { Int64($0) }
    }

    /// `CreatePodTemplate`: the template with daemon tolerations, the generation and hash labels.
    static func podTemplate(_ ds: DaemonSet, hash: String) -> PodTemplateSpec {
        var template = ds.spec?.template ?? PodTemplateSpec()
        var spec = template.spec ?? PodSpec()
        addDaemonTolerations(&spec)
        template.spec = spec
        var labels = template.metadata?.labels ?? [:]
        if let generation = templateGeneration(ds) { labels[templateGenerationLabel] = String(generation) }
        if !hash.isEmpty { labels[hashLabel] = hash }
        if template.metadata == nil { template.metadata = ObjectMeta() }
        template.metadata?.labels = labels
        return template
    }

    /// `ReplaceDaemonSetPodNodeNameNodeAffinity`: the pod's required node affinity becomes the
    /// one term `matchFields: metadata.name In [node]`, so the scheduler binds it there.
    static func replacingNodeAffinity(_ affinity: Affinity?, node: String) -> Affinity {
        var requirement = NodeSelectorRequirement()
        requirement.key = "metadata.name"
        requirement.operator = "In"
        requirement.values = [node]
        var term = NodeSelectorTerm()
        term.matchFields = [requirement]
        var affinity = affinity ?? Affinity()
        var nodeAffinity = affinity.nodeAffinity ?? KubeModel.NodeAffinity()
        var selector = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? NodeSelector()
        selector.nodeSelectorTerms = [term]
        nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = selector
        affinity.nodeAffinity = nodeAffinity
        return affinity
    }

    /// `GetTargetNodeName`: `spec.nodeName`, or for a pod not yet bound the single node its
    /// `matchFields` affinity names.
    static func targetNodeName(_ pod: Pod) -> String? {
        if let name = pod.spec?.nodeName, !name.isEmpty { return name }
        for term in pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [] {
            for field in term.matchFields ?? [] where field.key == "metadata.name" && field.operator == "In" {
                return (field.values ?? []).count == 1 ? field.values?.first : nil
            }
        }
        return nil
    }

    /// `NodeShouldRunDaemonPod`: `shouldRun` when a new pod belongs on the node (node name,
    /// nodeSelector and required node affinity match, and every NoSchedule and NoExecute taint is
    /// tolerated); `shouldContinueRunning` when an existing pod may stay (only NoExecute taints
    /// it does not tolerate evict it).
    static func nodeShouldRun(_ node: Node, _ ds: DaemonSet) -> (shouldRun: Bool, shouldContinueRunning: Bool) {
        var spec = ds.spec?.template.spec ?? PodSpec()
        let nodeName = node.metadata.name ?? ""
        if let wanted = spec.nodeName, !wanted.isEmpty, wanted != nodeName { return (false, false) }
        spec.nodeName = nodeName
        addDaemonTolerations(&spec)
        guard RequiredNodeAffinity(spec).matches(node) else { return (false, false) }
        let tolerations = spec.tolerations ?? []
        let taints = node.spec?.taints ?? []
        func untolerated(_ effects: Set<String>) -> Bool {
            taints.contains { effects.contains($0.effect) && !Tolerations.tolerate(tolerations, $0) }
        }
        if untolerated(["NoSchedule", "NoExecute"]) { return (false, !untolerated(["NoExecute"])) }
        return (true, true)
    }

    /// `IsPodUpdated`: the pod carries the current hash, or the current template generation.
    static func isUpdated(_ pod: Pod, hash: String, generation: Int64?) -> Bool {
        let labels = pod.metadata.labels ?? [:]
        let generationMatches = generation.map { labels[templateGenerationLabel] == String($0) } ?? false
        return generationMatches || (!hash.isEmpty && labels[hashLabel] == hash)
    }

    /// `podByCreationTimestampAndPhase`: bound pods first, then oldest, then by name.
    static func oldestFirst(_ lhs: Pod, _ rhs: Pod) -> Bool {
        let lhsBound = !(lhs.spec?.nodeName ?? "").isEmpty, rhsBound = !(rhs.spec?.nodeName ?? "").isEmpty
        if lhsBound != rhsBound { return lhsBound }
        let lhsTime = lhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
        let rhsTime = rhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
        if lhsTime != rhsTime { return lhsTime < rhsTime }
        return (lhs.metadata.name ?? "") < (rhs.metadata.name ?? "")
    }
}
