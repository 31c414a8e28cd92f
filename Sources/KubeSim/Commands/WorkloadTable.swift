import KubeModel

/// `kubectl get` columns of the workload kinds (pkg/printers/internalversion/printers.go, v1.33
/// `printDeployment`, `printReplicaSet`, `printStatefulSet`, `printDaemonSet`); `-o wide` adds
/// CONTAINERS, IMAGES and (but for StatefulSets) SELECTOR (`layoutContainerCells`: names and
/// images joined with commas).
enum WorkloadTable {
    static func rows(_ objects: [KubeObject], kind: String, wide: Bool, age: (KubeObject) -> String) -> ([String], [[String]]) {
        let extra = wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []
        var rows: [[String]] = []
        func wideCells(_ template: PodTemplateSpec?, _ selector: LabelSelector?) -> [String] {
            let containers = template?.spec?.containers ?? []
            return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ","), SelectorText.format(selector)]
        }
        switch kind {
        case "StatefulSet":
            // READY is ready/desired replicas; wide adds only CONTAINERS and IMAGES.
            for object in objects {
                guard case .statefulSet(let set) = object else { continue }
                var row = [set.metadata.name ?? "", "\(set.status?.readyReplicas ?? 0)/\(set.spec?.replicas ?? 1)", age(object)]
                if wide { row += wideCells(set.spec?.template, nil).dropLast() }
                rows.append(row)
            }
            return (["NAME", "READY", "AGE"] + extra.dropLast(), rows)
        case "DaemonSet":
            for object in objects {
                guard case .daemonSet(let ds) = object else { continue }
                let status = ds.status
                var row = [ds.metadata.name ?? "", String(status?.desiredNumberScheduled ?? 0), String(status?.currentNumberScheduled ?? 0),
                           String(status?.numberReady ?? 0), String(status?.updatedNumberScheduled ?? 0), String(status?.numberAvailable ?? 0),
                           LabelSelectorText.formatLabels(ds.spec?.template.spec?.nodeSelector), age(object)]
                if wide { row += wideCells(ds.spec?.template, ds.spec?.selector) }
                rows.append(row)
            }
            return (["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"] + extra, rows)
        case "Deployment":
            for object in objects {
                guard case .deployment(let deployment) = object else { continue }
                let status = deployment.status
                var row = [deployment.metadata.name ?? "", "\(status?.readyReplicas ?? 0)/\(DeploymentUtil.replicas(deployment))",
                           String(status?.updatedReplicas ?? 0), String(status?.availableReplicas ?? 0), age(object)]
                if wide { row += wideCells(deployment.spec?.template, deployment.spec?.selector) }
                rows.append(row)
            }
            return (["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"] + extra, rows)
        default:
            break
        }
        for object in objects {
            guard case .replicaSet(let set) = object else { continue }
            var row = [set.metadata.name ?? "", String(DeploymentUtil.replicas(set)), String(set.status?.replicas ?? 0),
                       String(set.status?.readyReplicas ?? 0), age(object)]
            if wide { row += wideCells(set.spec?.template, set.spec?.selector) }
            rows.append(row)
        }
        return (["NAME", "DESIRED", "CURRENT", "READY", "AGE"] + extra, rows)
    }
}
