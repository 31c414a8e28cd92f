import KubeModel

/// `kubectl get` columns of StatefulSets and DaemonSets (k8s.io/kubernetes
/// pkg/printers/internalversion/printers.go `printStatefulSet`, `printDaemonSet`, v1.33).
enum WorkloadTables {
    static func make(_ objects: [KubeObject], kind: String, wide: Bool, age: (KubeObject) -> String) -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        if kind == "StatefulSet" {
            // NAME READY AGE; wide adds CONTAINERS IMAGES. READY is ready/desired replicas.
            for object in objects {
                guard case .statefulSet(let set) = object else { continue }
                var row = [set.metadata.name ?? "", "\(set.status?.readyReplicas ?? 0)/\(set.spec?.replicas ?? 1)", age(object)]
                if wide { row += containerColumns(set.spec?.template.spec) }
                rows.append(row)
            }
            return (["NAME", "READY", "AGE"] + (wide ? ["CONTAINERS", "IMAGES"] : []), rows)
        }
        // NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide adds CONTAINERS IMAGES SELECTOR.
        for object in objects {
            guard case .daemonSet(let ds) = object else { continue }
            let status = ds.status
            var row = [ds.metadata.name ?? "", String(status?.desiredNumberScheduled ?? 0), String(status?.currentNumberScheduled ?? 0),
                       String(status?.numberReady ?? 0), String(status?.updatedNumberScheduled ?? 0), String(status?.numberAvailable ?? 0),
                       LabelSelectorText.formatLabels(ds.spec?.template.spec?.nodeSelector), age(object)]
            if wide { row += containerColumns(ds.spec?.template.spec) + [LabelSelectorText.format(ds.spec?.selector).nonEmpty ?? "<none>"] }
            rows.append(row)
        }
        let header = ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"]
        return (header + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []), rows)
    }

    /// `layoutContainerCells`: container names and images, comma-joined.
    static func containerColumns(_ spec: PodSpec?) -> [String] {
        let containers = spec?.containers ?? []
        return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ",")]
    }
}
