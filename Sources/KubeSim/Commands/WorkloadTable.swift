import KubeModel

/// `kubectl get deployments` and `get replicasets` columns (pkg/printers/internalversion/printers.go,
/// v1.33 `printDeployment`, `printReplicaSet`); `-o wide` adds CONTAINERS, IMAGES and SELECTOR
/// (`layoutContainerCells`: names and images joined with commas).
enum WorkloadTable {
    static func rows(_ objects: [KubeObject], kind: String, wide: Bool, age: (KubeObject) -> String) -> ([String], [[String]]) {
        let extra = wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []
        var rows: [[String]] = []
        func wideCells(_ template: PodTemplateSpec?, _ selector: LabelSelector?) -> [String] {
            let containers = template?.spec?.containers ?? []
            return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ","), SelectorText.format(selector)]
        }
        if kind == "Deployment" {
            for object in objects {
                guard case .deployment(let deployment) = object else { continue }
                let status = deployment.status
                var row = [deployment.metadata.name ?? "", "\(status?.readyReplicas ?? 0)/\(DeploymentUtil.replicas(deployment))",
                           String(status?.updatedReplicas ?? 0), String(status?.availableReplicas ?? 0), age(object)]
                if wide { row += wideCells(deployment.spec?.template, deployment.spec?.selector) }
                rows.append(row)
            }
            return (["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"] + extra, rows)
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
