import Foundation
import KubeModel

/// `kubectl describe configmap|secret|namespace|resourcequota|limitrange`
/// (k8s.io/kubectl/pkg/describe/describe.go v1.33: `describeConfigMap`, `describeSecret`,
/// `describeNamespace`, `describeQuota`, `describeLimitRange`). Upstream walks Go maps in random
/// order; keys are sorted here so the output is stable.
enum ConfigDescribe {
    static func describe(_ object: KubeObject, in store: Store) -> String? {
        switch object {
        case .configMap(let map): return configMap(map, in: store)
        case .secret(let secret): return self.secret(secret, in: store)
        case .namespace(let namespace): return self.namespace(namespace, in: store)
        case .resourceQuota(let quota): return self.quota(quota, in: store)
        case .limitRange(let range): return limitRange(range, in: store)
        default: return nil
        }
    }

    /// Name, namespace, labels and annotations: the head every describer here starts with.
    static func header(_ meta: ObjectMeta, namespaced: Bool = true, into out: inout PrefixLines) {
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        if namespaced { out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n") }
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
    }

    static func configMap(_ map: ConfigMap, in store: Store) -> String {
        var out = PrefixLines()
        header(map.metadata, into: &out)
        out.write(0, "\nData\n====\n")
        for (key, value) in (map.data ?? [:]).sorted(by: { $0.key < $1.key }) {
            out.write(0, "\(key):\n----\n")
            out.write(0, "\(value)\n")
        }
        out.write(0, "\nBinaryData\n====\n")
        for (key, value) in (map.binaryData ?? [:]).sorted(by: { $0.key < $1.key }) {
            out.write(0, "\(key): \(Data(base64Encoded: value)?.count ?? 0) bytes\n")
        }
        out.write(0, "\n")
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .configMap(map), in: store), now: store.now)
    }

    /// Values are never printed, only their sizes: describe is safe to show on a screen.
    static func secret(_ secret: Secret, in store: Store) -> String {
        var out = PrefixLines()
        header(secret.metadata, into: &out)
        out.write(0, "\nType:\t\(secret.type ?? "Opaque")\n")
        out.write(0, "\nData\n====\n")
        var sizes: [String: Int] = [:]
        for (key, value) in secret.data ?? [:] { sizes[key] = Data(base64Encoded: value)?.count ?? 0 }
        for (key, value) in secret.stringData ?? [:] { sizes[key] = value.utf8.count }
        for (key, size) in sizes.sorted(by: { $0.key < $1.key }) { out.write(0, "\(key):\t\(size) bytes\n") }
        // The secret describer does not search events.
        return TabWriter.format(out.text)
    }

    static func namespace(_ namespace: Namespace, in store: Store) -> String {
        var out = PrefixLines()
        header(namespace.metadata, namespaced: false, into: &out)
        out.write(0, "Status:\t\(namespace.status?.phase ?? "Active")\n")
        let name = namespace.metadata.name ?? ""
        let quotas = store.list(kind: "ResourceQuota", namespace: name).compactMap { if case .resourceQuota(let quota) = $0 { quota } else { nil } }
        out.write(0, "\n")
        if quotas.isEmpty {
            out.write(0, "No resource quota.\n")
        } else {
            out.write(0, "Resource Quotas\n")
            for quota in quotas.sorted(by: { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }) {
                out.write(1, "Name:\t\(quota.metadata.name ?? "")\n")
                if let scopes = quota.spec?.scopes, !scopes.isEmpty { out.write(1, "Scopes:\t\(scopes.sorted().joined(separator: ", "))\n") }
                out.write(1, "Resource\tUsed\tHard\n")
                out.write(1, "--------\t---\t---\n")
                for (resource, used, hard) in usage(quota) { out.write(1, "\(resource)\t\(used)\t\(hard)\n") }
            }
        }
        let ranges = store.list(kind: "LimitRange", namespace: name).compactMap { if case .limitRange(let range) = $0 { range } else { nil } }
        out.write(0, "\n")
        if ranges.isEmpty {
            out.write(0, "No LimitRange resource.\n")
        } else {
            out.write(0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
            out.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
            for range in ranges { limitRows(range, prefix: " ", into: &out) }
        }
        // Namespaces have no events in describe (the namespace describer does not search them).
        return TabWriter.format(out.text)
    }

    static func quota(_ quota: ResourceQuota, in store: Store) -> String {
        var out = PrefixLines()
        out.write(0, "Name:\t\(quota.metadata.name ?? "")\n")
        out.write(0, "Namespace:\t\(quota.metadata.namespace ?? "default")\n")
        if let scopes = quota.spec?.scopes, !scopes.isEmpty { out.write(0, "Scopes:\t\(scopes.sorted().joined(separator: ", "))\n") }
        out.write(0, "Resource\tUsed\tHard\n")
        out.write(0, "--------\t----\t----\n")
        for (resource, used, hard) in usage(quota) { out.write(0, "\(resource)\t\(used)\t\(hard)\n") }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .resourceQuota(quota), in: store), now: store.now)
    }

    /// Each resource of `status.hard`, sorted, with its use (0 until the quota controller counted it).
    private static func usage(_ quota: ResourceQuota) -> [(String, String, String)] {
        let hard = quota.status?.hard ?? quota.spec?.hard ?? [:]
        return hard.keys.sorted().map { resource in
            (resource, (quota.status?.used?[resource] ?? Quantity()).description, hard[resource]?.description ?? "")
        }
    }

    static func limitRange(_ range: LimitRange, in store: Store) -> String {
        var out = PrefixLines()
        out.write(0, "Name:\t\(range.metadata.name ?? "")\n")
        out.write(0, "Namespace:\t\(range.metadata.namespace ?? "default")\n")
        out.write(0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
        out.write(0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
        limitRows(range, prefix: "", into: &out)
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .limitRange(range), in: store), now: store.now)
    }

    /// `describeLimitRangeSpec`: one row per item and resource named anywhere in it, `-` where unset.
    private static func limitRows(_ range: LimitRange, prefix: String, into out: inout PrefixLines) {
        for item in range.spec?.limits ?? [] {
            let columns = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
            let resources = Set(columns.flatMap { ($0 ?? [:]).keys }).sorted()
            for resource in resources {
                let values = columns.map { $0?[resource]?.description ?? "-" }
                out.write(0, "\(prefix)\(item.type)\t\(resource)\t" + values.joined(separator: "\t") + "\n")
            }
        }
    }
}
