import KubeModel

/// `kubectl describe deployment` and `describe replicaset` (k8s.io/kubectl/pkg/describe/describe.go,
/// v1.33 `DeploymentDescriber`, `ReplicaSetDescriber`; StatefulSets and DaemonSets in SetDescribe.swift): the whole text goes through one
/// tabwriter, as kubectl's does, and the events table is flushed on its own.
enum WorkloadDescribe {
    static func describe(_ object: KubeObject, in store: Store) -> String? {
        switch object {
        case .deployment(let deployment): return self.deployment(deployment, in: store)
        case .replicaSet(let set): return replicaSet(set, in: store)
        case .statefulSet(let set): return statefulSet(set, in: store)
        case .daemonSet(let ds): return daemonSet(ds, in: store)
        case .job(let job): return self.job(job, in: store)
        case .cronJob(let cronJob): return self.cronJob(cronJob, in: store)
        case .horizontalPodAutoscaler(let hpa): return AutoscalerText.describe(hpa, in: store)
        case .podDisruptionBudget(let budget): return DisruptionBudgetText.describe(budget, in: store)
        default: return nil
        }
    }

    static func deployment(_ deployment: Deployment, in store: Store) -> String {
        var out = PrefixLines()
        let meta = deployment.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "CreationTimestamp:\t\(DescribeText.time(meta.creationTimestamp))\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        out.write(0, "Selector:\t\(SelectorText.format(deployment.spec?.selector))\n")
        let status = deployment.status
        out.write(0, "Replicas:\t\(DeploymentUtil.replicas(deployment)) desired | \(status?.updatedReplicas ?? 0) updated | \(status?.replicas ?? 0) total | \(status?.availableReplicas ?? 0) available | \(status?.unavailableReplicas ?? 0) unavailable\n")
        out.write(0, "StrategyType:\t\(deployment.spec?.strategy?.type ?? "RollingUpdate")\n")
        out.write(0, "MinReadySeconds:\t\(deployment.spec?.minReadySeconds ?? 0)\n")
        if let rolling = deployment.spec?.strategy?.rollingUpdate {
            out.write(0, "RollingUpdateStrategy:\t\(rolling.maxUnavailable?.description ?? "25%") max unavailable, \(rolling.maxSurge?.description ?? "25%") max surge\n")
        }
        PodTemplateText.describe(deployment.spec?.template, into: &out)
        conditions((status?.conditions ?? []).map { ($0.type, $0.status, $0.reason ?? "") }, into: &out)
        let owned = ownedReplicaSets(of: deployment, in: store)
        let new = DeploymentUtil.newReplicaSet(of: deployment, in: owned)
        let old = DeploymentUtil.oldReplicaSets(of: deployment, in: owned).filter { DeploymentUtil.replicas($0) > 0 }
        out.write(0, "OldReplicaSets:\t\(replicaSetList(old))\n")
        out.write(0, "NewReplicaSet:\t\(replicaSetList(new.map { [$0] } ?? []))\n")
        return finish(out, events: events(of: .deployment(deployment), in: store), now: store.now)
    }

    static func replicaSet(_ set: ReplicaSet, in store: Store) -> String {
        var out = PrefixLines()
        let meta = set.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "Selector:\t\(SelectorText.format(set.spec?.selector))\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        if let owner = ControllerRef.of(.replicaSet(set)) { out.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
        out.write(0, "Replicas:\t\(set.status?.replicas ?? 0) current / \(DeploymentUtil.replicas(set)) desired\n")
        var phases: [String: Int] = [:]
        for dependent in store.dependents(ofUID: meta.uid ?? "") {
            guard case .pod(let pod) = dependent, ControllerRef.of(dependent)?.uid == meta.uid else { continue }
            phases[pod.status?.phase ?? "Pending", default: 0] += 1
        }
        out.write(0, "Pods Status:\t\(phases["Running"] ?? 0) Running / \(phases["Pending"] ?? 0) Waiting / \(phases["Succeeded"] ?? 0) Succeeded / \(phases["Failed"] ?? 0) Failed\n")
        PodTemplateText.describe(set.spec?.template, into: &out)
        conditions((set.status?.conditions ?? []).map { ($0.type, $0.status, $0.reason ?? "") }, into: &out)
        return finish(out, events: events(of: .replicaSet(set), in: store), now: store.now)
    }

    /// `Conditions:` with `Type Status Reason` columns; nothing when there are none.
    private static func conditions(_ rows: [(String, String, String)], into out: inout PrefixLines) {
        guard !rows.isEmpty else { return }
        out.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        out.write(1, "----\t------\t------\n")
        for (type, status, reason) in rows { out.write(1, "\(type) \t\(status)\t\(reason)\n") }
    }

    /// `printReplicaSetsByLabels`: `web-7d4b9c8f5 (3/3 replicas created)`, or `<none>`.
    private static func replicaSetList(_ sets: [ReplicaSet]) -> String {
        let names = sets.map { "\($0.metadata.name ?? "") (\($0.status?.replicas ?? 0)/\(DeploymentUtil.replicas($0)) replicas created)" }
        return names.isEmpty ? "<none>" : names.joined(separator: ", ")
    }

    static func ownedReplicaSets(of deployment: Deployment, in store: Store) -> [ReplicaSet] {
        store.dependents(ofUID: deployment.metadata.uid ?? "").compactMap { object -> ReplicaSet? in
            guard case .replicaSet(let set) = object, ControllerRef.of(object)?.uid == deployment.metadata.uid else { return nil }
            return set
        }
    }

    static func events(of object: KubeObject, in store: Store) -> [Event] {
        store.list(kind: "Event", namespace: object.meta.namespace).compactMap { item -> Event? in
            guard case .event(let event) = item, event.involvedObject.uid == object.meta.uid else { return nil }
            return event
        }
    }

    /// `DescribeEvents`: `Events:\t<none>` joins the last block; a table is flushed separately.
    static func finish(_ out: PrefixLines, events: [Event], now: VirtualTime) -> String {
        var out = out
        guard !events.isEmpty else {
            out.write(0, "Events:\t<none>\n")
            return TabWriter.format(out.text)
        }
        var table = PrefixLines()
        table.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
        table.write(1, "----\t------\t----\t----\t-------\n")
        let sorted = events.sorted { ($0.lastTimestamp ?? "", $0.metadata.name ?? "") < ($1.lastTimestamp ?? "", $1.metadata.name ?? "") }
        for event in sorted {
            let first = event.firstTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
            let last = event.lastTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
            let interval = (event.count ?? 1) > 1 ? "\(Age.human(now - last)) (x\(event.count ?? 1) over \(Age.human(now - first)))" : Age.human(now - first)
            let source = event.source?.component ?? event.reportingComponent ?? ""
            table.write(1, "\(event.type ?? "")\t\(event.reason ?? "")\t\(interval)\t\(source)\t\((event.message ?? "").trimmingCharacters(in: .whitespaces))\n")
        }
        return TabWriter.format(out.text) + TabWriter.format(table.text)
    }
}

/// Label selectors as kubectl prints them (`metav1.FormatLabelSelector`): requirements sorted
/// by key, `app=web,tier in (a,b)`, `<none>` for an empty selector.
enum SelectorText {
    static func format(_ selector: LabelSelector?) -> String {
        guard let selector, !selector.isEmpty else { return "<none>" }
        var parts: [(String, String)] = (selector.matchLabels ?? [:]).map { ($0.key, "\($0.key)=\($0.value)") }
        for requirement in selector.matchExpressions ?? [] {
            let values = (requirement.values ?? []).sorted().joined(separator: ",")
            switch requirement.operator {
            case "In": parts.append((requirement.key, "\(requirement.key) in (\(values))"))
            case "NotIn": parts.append((requirement.key, "\(requirement.key) notin (\(values))"))
            case "Exists": parts.append((requirement.key, requirement.key))
            case "DoesNotExist": parts.append((requirement.key, "!\(requirement.key)"))
            default: parts.append((requirement.key, "\(requirement.key) \(requirement.operator) (\(values))"))
            }
        }
        return parts.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ",")
    }
}
