import KubeModel

/// `kubectl get` tables: the default columns of each kind (pkg/printers/internalversion/printers.go),
/// `-o wide` extras, as plain strings; the CLI lays them out.
public struct ResourceTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public static func make(_ objects: [KubeObject], kind: String, now: VirtualTime, wide: Bool = false,
                            allNamespaces: Bool = false, showLabels: Bool = false) -> ResourceTable {
        var header: [String]
        var rows: [[String]] = []
        func age(_ object: KubeObject) -> String {
            guard let created = object.meta.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) else { return "<unknown>" }
            return Age.human(now - created)
        }
        switch kind {
        case "Pod":
            header = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"] + (wide ? ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] : [])
            for object in objects {
                guard let pod = object.pod else { continue }
                var row = [pod.metadata.name ?? "", PodStatusText.ready(pod), PodStatusText.status(pod), PodStatusText.restarts(pod, now: now), age(object)]
                if wide {
                    row += [pod.status?.podIP ?? "<none>", pod.spec?.nodeName ?? "<none>", pod.status?.nominatedNodeName ?? "<none>", "<none>"]
                }
                rows.append(row)
            }
        case "Node":
            header = ["NAME", "STATUS", "ROLES", "AGE", "VERSION"] + (wide ? ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"] : [])
            for object in objects {
                guard let node = object.node else { continue }
                var status = node.isReady ? "Ready" : "NotReady"
                if node.spec?.unschedulable == true { status += ",SchedulingDisabled" }
                let roles = (node.metadata.labels ?? [:]).keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }
                    .map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted()
                var row = [node.metadata.name ?? "", status, roles.isEmpty ? "<none>" : roles.joined(separator: ","), age(object), "v1.33.0"]
                if wide { row += [PodStatusBuilder.hostIP(of: node), "<none>", "Debian GNU/Linux 12 (bookworm)", "6.1.0-kubedrill", "containerd://1.7.24"] }
                rows.append(row)
            }
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet":
            (header, rows) = WorkloadTable.rows(objects, kind: kind, wide: wide, age: age)
        case "Job", "CronJob":
            (header, rows) = BatchTable.rows(objects, kind: kind, wide: wide, now: now, age: age)
        case "PersistentVolume", "PersistentVolumeClaim", "StorageClass":
            (header, rows) = StorageTable.rows(objects, kind: kind, wide: wide, age: age)
        case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding":
            (header, rows) = AccessTable.rows(objects, kind: kind, wide: wide, age: age)
        case "HorizontalPodAutoscaler", "PodDisruptionBudget":
            (header, rows) = AvailabilityTable.rows(objects, kind: kind, age: age)
        case "Endpoints", "EndpointSlice":
            (header, rows) = EndpointsText.rows(objects, kind: kind, age: age)
        case "Service":
            header = ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"] + (wide ? ["SELECTOR"] : [])
            for object in objects {
                guard case .service(let service) = object else { continue }
                let ports = (service.spec?.ports ?? []).map { port in
                    "\(port.port)" + (port.nodePort.map { ":\($0)" } ?? "") + "/\(port.protocol ?? "TCP")"
                }.joined(separator: ",")
                let external = service.spec?.type == "LoadBalancer" ? "<pending>" : (service.spec?.externalName ?? "<none>")
                var row = [service.metadata.name ?? "", service.spec?.type ?? "ClusterIP", service.spec?.clusterIP ?? "<none>", external,
                           ports.isEmpty ? "<none>" : ports, age(object)]
                if wide { row.append(LabelSelectorText.formatLabels(service.spec?.selector)) }
                rows.append(row)
            }
        case "ConfigMap":
            header = ["NAME", "DATA", "AGE"]
            for object in objects {
                guard case .configMap(let map) = object else { continue }
                rows.append([map.metadata.name ?? "", String((map.data?.count ?? 0) + (map.binaryData?.count ?? 0)), age(object)])
            }
        case "Secret":
            header = ["NAME", "TYPE", "DATA", "AGE"]
            for object in objects {
                guard case .secret(let secret) = object else { continue }
                rows.append([secret.metadata.name ?? "", secret.type ?? "Opaque", String(Set((secret.data ?? [:]).keys).union((secret.stringData ?? [:]).keys).count), age(object)])
            }
        case "Namespace":
            header = ["NAME", "STATUS", "AGE"]
            for object in objects {
                guard case .namespace(let namespace) = object else { continue }
                rows.append([namespace.metadata.name ?? "", namespace.status?.phase ?? "Active", age(object)])
            }
        case "ServiceAccount":
            header = ["NAME", "SECRETS", "AGE"]
            for object in objects {
                guard case .serviceAccount(let account) = object else { continue }
                rows.append([account.metadata.name ?? "", String(account.secrets?.count ?? 0), age(object)])
            }
        case "PriorityClass":
            header = ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE"]
            for object in objects {
                guard case .priorityClass(let priorityClass) = object else { continue }
                rows.append([priorityClass.metadata.name ?? "", String(priorityClass.value), String(priorityClass.globalDefault ?? false), age(object)])
            }
        case "ResourceQuota":
            header = ["NAME", "AGE", "REQUEST", "LIMIT"]
            for object in objects {
                guard case .resourceQuota(let quota) = object else { continue }
                let hard = quota.status?.hard ?? quota.spec?.hard ?? [:], used = quota.status?.used ?? [:]
                func list(_ keys: [String]) -> String {
                    keys.map { "\($0): \(used[$0] ?? Quantity())/\(hard[$0] ?? Quantity())" }.joined(separator: ", ")
                }
                let limitKeys = hard.keys.filter { $0.hasPrefix("limits.") }.sorted()
                rows.append([quota.metadata.name ?? "", age(object), list(hard.keys.filter { !$0.hasPrefix("limits.") }.sorted()), list(limitKeys)])
            }
        default:
            header = ["NAME", "AGE"]
            rows = objects.map { [$0.meta.name ?? "", age($0)] }
        }
        if allNamespaces, objects.first?.isNamespaced ?? true {
            header.insert("NAMESPACE", at: 0)
            for index in rows.indices where index < objects.count { rows[index].insert(objects[index].meta.namespace ?? "", at: 0) }
        }
        if showLabels {
            header.append("LABELS")
            for index in rows.indices where index < objects.count {
                rows[index].append(LabelSelectorText.formatLabels(objects[index].withMetadata(\.labels)))
            }
        }
        return ResourceTable(header: header, rows: rows)
    }

    /// `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, oldest first.
    public static func events(_ events: [Event], now: VirtualTime, allNamespaces: Bool) -> ResourceTable {
        let sorted = events.sorted { ($0.lastTimestamp ?? "", $0.metadata.name ?? "") < ($1.lastTimestamp ?? "", $1.metadata.name ?? "") }
        var header = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
        var rows = sorted.map { event -> [String] in
            let seen = event.lastTimestamp.flatMap(VirtualTime.init(rfc3339:)).map { Age.human(now - $0) } ?? "<unknown>"
            let count = (event.count ?? 1) > 1 ? " (x\(event.count ?? 1) over \(Age.human(now - (event.firstTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now))))" : ""
            return [seen + count, event.type ?? "", event.reason ?? "", "\((event.involvedObject.kind ?? "").lowercased())/\(event.involvedObject.name ?? "")", event.message ?? ""]
        }
        if allNamespaces {
            header.insert("NAMESPACE", at: 0)
            for index in rows.indices { rows[index].insert(sorted[index].metadata.namespace ?? "", at: 0) }
        }
        return ResourceTable(header: header, rows: rows)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
