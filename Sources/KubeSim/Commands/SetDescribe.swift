import KubeModel

/// `kubectl describe statefulset` and `describe daemonset` (k8s.io/kubectl/pkg/describe/describe.go,
/// v1.33 `describeStatefulSet`, `describeVolumeClaimTemplates`, `describeDaemonSet`).
extension WorkloadDescribe {
    /// `getPodStatusForController`: the controller's pods matching its selector, by phase.
    static func podsStatus(_ object: KubeObject, selector: LabelSelector?, in store: Store) -> String {
        var phases: [String: Int] = [:]
        for dependent in store.dependents(ofUID: object.meta.uid ?? "") {
            guard case .pod(let pod) = dependent, ControllerRef.of(dependent)?.uid == object.meta.uid,
                  selector?.matches(pod.metadata.labels ?? [:]) ?? false else { continue }
            phases[pod.status?.phase ?? "Pending", default: 0] += 1
        }
        return "Pods Status:\t\(phases["Running"] ?? 0) Running / \(phases["Pending"] ?? 0) Waiting / \(phases["Succeeded"] ?? 0) Succeeded / \(phases["Failed"] ?? 0) Failed\n"
    }

    static func statefulSet(_ set: StatefulSet, in store: Store) -> String {
        var out = PrefixLines()
        let meta = set.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "CreationTimestamp:\t\(DescribeText.time(meta.creationTimestamp))\n")
        out.write(0, "Selector:\t\(SelectorText.format(set.spec?.selector))\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        // The simulator's stand-in for the current ControllerRevision is not the user's.
        PodTemplateText.annotations("Annotations", meta.annotations?.filter { $0.key != StatefulSetRevisions.currentRevisionAnnotation }, into: &out)
        out.write(0, "Replicas:\t\(set.spec?.replicas ?? 1) desired | \(set.status?.replicas ?? 0) total\n")
        out.write(0, "Update Strategy:\t\(set.spec?.updateStrategy?.type ?? "")\n")
        if let rolling = set.spec?.updateStrategy?.rollingUpdate, let partition = rolling.partition {
            out.write(1, "Partition:\t\(partition)\n")
            if let maxUnavailable = rolling.maxUnavailable { out.write(1, "MaxUnavailable:\t\(maxUnavailable)\n") }
        }
        out.write(0, podsStatus(.statefulSet(set), selector: set.spec?.selector, in: store))
        PodTemplateText.describe(set.spec?.template, into: &out)
        volumeClaimTemplates(set.spec?.volumeClaimTemplates ?? [], into: &out)
        return finish(out, events: events(of: .statefulSet(set), in: store), now: store.now)
    }

    /// `describeVolumeClaimTemplates`.
    static func volumeClaimTemplates(_ templates: [PersistentVolumeClaim], into out: inout PrefixLines) {
        guard !templates.isEmpty else { out.write(0, "Volume Claims:\t<none>\n"); return }
        out.write(0, "Volume Claims:\n")
        for claim in templates {
            out.write(1, "Name:\t\(claim.metadata.name ?? "")\n")
            // GetPersistentVolumeClaimClass: the beta annotation wins over the field.
            out.write(1, "StorageClass:\t\(claim.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? "")\n")
            PodTemplateText.labels("  Labels", claim.metadata.labels, continuation: "  ", into: &out)
            PodTemplateText.labels("  Annotations", claim.metadata.annotations, continuation: "  ", into: &out)
            out.write(1, "Capacity:\t\(claim.spec?.resources?.requests?["storage"].map { "\($0)" } ?? "<default>")\n")
            out.write(1, "Access Modes:\t[\((claim.spec?.accessModes ?? []).joined(separator: " "))]\n")
        }
    }

    static func daemonSet(_ ds: DaemonSet, in store: Store) -> String {
        var out = PrefixLines()
        let meta = ds.metadata, status = ds.status
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "Selector:\t\(SelectorText.format(ds.spec?.selector))\n")
        out.write(0, "Node-Selector:\t\(LabelSelectorText.formatLabels(ds.spec?.template.spec?.nodeSelector))\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        out.write(0, "Desired Number of Nodes Scheduled: \(status?.desiredNumberScheduled ?? 0)\n")
        out.write(0, "Current Number of Nodes Scheduled: \(status?.currentNumberScheduled ?? 0)\n")
        out.write(0, "Number of Nodes Scheduled with Up-to-date Pods: \(status?.updatedNumberScheduled ?? 0)\n")
        out.write(0, "Number of Nodes Scheduled with Available Pods: \(status?.numberAvailable ?? 0)\n")
        out.write(0, "Number of Nodes Misscheduled: \(status?.numberMisscheduled ?? 0)\n")
        out.write(0, podsStatus(.daemonSet(ds), selector: ds.spec?.selector, in: store))
        PodTemplateText.describe(ds.spec?.template, into: &out)
        return finish(out, events: events(of: .daemonSet(ds), in: store), now: store.now)
    }
}
