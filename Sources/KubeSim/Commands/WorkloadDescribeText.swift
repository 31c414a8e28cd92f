import KubeModel

/// `kubectl describe statefulset` and `describe daemonset` (k8s.io/kubectl/pkg/describe/describe.go
/// `describeStatefulSet`, `describeDaemonSet`, `describeVolumeClaimTemplates`,
/// `getPodStatusForController`, v1.33), laid out by `TabWriter` like kubectl's tabwriter.
enum WorkloadDescribeText {
    static func describe(_ object: KubeObject, in store: Store) -> String? {
        var out = ""
        switch object {
        case .statefulSet(let set): describeStatefulSet(set, object, store, &out)
        case .daemonSet(let ds): describeDaemonSet(ds, object, store, &out)
        default: return nil
        }
        let events = store.list(kind: "Event", namespace: object.meta.namespace).compactMap { event -> Event? in
            guard case .event(let event) = event, event.involvedObject.uid == object.meta.uid else { return nil }
            return event
        }
        // DescribeEvents: `Events:\t<none>` joins the block above; a table flushes it first.
        if events.isEmpty { return TabWriter.format(out + "Events:\t<none>\n") }
        var table = Lines()
        table.events(events, now: store.now)
        return TabWriter.format(out) + table.text
    }

    /// `getPodStatusForController`: the controller's pods by phase.
    static func podsStatus(_ object: KubeObject, selector: LabelSelector?, _ store: Store) -> String {
        var running = 0, waiting = 0, succeeded = 0, failed = 0
        for pod in store.list(kind: "Pod", namespace: object.meta.namespace).compactMap(\.pod)
        where ControllerRef.of(.pod(pod))?.uid == object.meta.uid && (selector?.matches(pod.metadata.labels ?? [:]) ?? false) {
            switch pod.status?.phase {
            case "Running": running += 1
            case "Pending": waiting += 1
            case "Succeeded": succeeded += 1
            case "Failed": failed += 1
            default: break
            }
        }
        return "Pods Status:\t\(running) Running / \(waiting) Waiting / \(succeeded) Succeeded / \(failed) Failed\n"
    }

    static func describeStatefulSet(_ set: StatefulSet, _ object: KubeObject, _ store: Store, _ out: inout String) {
        out += "Name:\t\(set.metadata.name ?? "")\n"
        out += "Namespace:\t\(set.metadata.namespace ?? "default")\n"
        out += "CreationTimestamp:\t\(DescribeText.time(set.metadata.creationTimestamp))\n"
        out += "Selector:\t\(LabelSelectorText.format(set.spec?.selector))\n"
        PodTemplateText.labels("Labels", set.metadata.labels, into: &out)
        PodTemplateText.annotations("Annotations", set.metadata.annotations, skip: [StatefulSetRevisions.currentRevisionAnnotation], into: &out)
        out += "Replicas:\t\(set.spec?.replicas ?? 1) desired | \(set.status?.replicas ?? 0) total\n"
        out += "Update Strategy:\t\(set.spec?.updateStrategy?.type ?? "")\n"
        if let rolling = set.spec?.updateStrategy?.rollingUpdate, let partition = rolling.partition {
            out += "  Partition:\t\(partition)\n"
            if let maxUnavailable = rolling.maxUnavailable { out += "  MaxUnavailable:\t\(maxUnavailable)\n" }
        }
        out += podsStatus(object, selector: set.spec?.selector, store)
        PodTemplateText.describe(set.spec?.template ?? PodTemplateSpec(), into: &out)
        let templates = set.spec?.volumeClaimTemplates ?? []
        guard !templates.isEmpty else { out += "Volume Claims:\t<none>\n"; return }
        out += "Volume Claims:\n"
        for claim in templates {
            out += "  Name:\t\(claim.metadata.name ?? "")\n"
            // GetPersistentVolumeClaimClass: the beta annotation wins over the field.
            let storageClass = claim.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? ""
            out += "  StorageClass:\t\(storageClass)\n"
            PodTemplateText.labels("Labels", claim.metadata.labels, indent: "  ", into: &out)
            PodTemplateText.labels("Annotations", claim.metadata.annotations, indent: "  ", into: &out)
            out += "  Capacity:\t\(claim.spec?.resources?.requests?["storage"].map { "\($0)" } ?? "<default>")\n"
            out += "  Access Modes:\t[\((claim.spec?.accessModes ?? []).joined(separator: " "))]\n"
        }
    }

    static func describeDaemonSet(_ ds: DaemonSet, _ object: KubeObject, _ store: Store, _ out: inout String) {
        let status = ds.status
        out += "Name:\t\(ds.metadata.name ?? "")\n"
        out += "Namespace:\t\(ds.metadata.namespace ?? "default")\n"
        out += "Selector:\t\(LabelSelectorText.format(ds.spec?.selector))\n"
        // labels.FormatLabels prints <none> for an empty selector.
        out += "Node-Selector:\t\(LabelSelectorText.formatLabels(ds.spec?.template.spec?.nodeSelector))\n"
        PodTemplateText.labels("Labels", ds.metadata.labels, into: &out)
        PodTemplateText.annotations("Annotations", ds.metadata.annotations, into: &out)
        out += "Desired Number of Nodes Scheduled: \(status?.desiredNumberScheduled ?? 0)\n"
        out += "Current Number of Nodes Scheduled: \(status?.currentNumberScheduled ?? 0)\n"
        out += "Number of Nodes Scheduled with Up-to-date Pods: \(status?.updatedNumberScheduled ?? 0)\n"
        out += "Number of Nodes Scheduled with Available Pods: \(status?.numberAvailable ?? 0)\n"
        out += "Number of Nodes Misscheduled: \(status?.numberMisscheduled ?? 0)\n"
        out += podsStatus(object, selector: ds.spec?.selector, store)
        PodTemplateText.describe(ds.spec?.template ?? PodTemplateSpec(), into: &out)
    }
}
