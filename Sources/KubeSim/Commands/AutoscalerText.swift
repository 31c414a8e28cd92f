import KubeModel

/// `kubectl get hpa` and `kubectl describe hpa` (pkg/printers/internalversion/printers.go v1.33
/// `printHorizontalPodAutoscaler`, `formatHPAMetrics`; k8s.io/kubectl/pkg/describe describe.go
/// `describeHorizontalPodAutoscalerV2`).
enum AutoscalerText {
    static let header = ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"]

    static func row(_ hpa: HorizontalPodAutoscaler, age: String) -> [String] {
        let spec = hpa.spec ?? HorizontalPodAutoscalerSpec()
        return [hpa.metadata.name ?? "", "\(spec.scaleTargetRef.kind)/\(spec.scaleTargetRef.name)",
                targets(spec.metrics ?? [], hpa.status?.currentMetrics ?? []),
                spec.minReplicas.map(String.init) ?? "<unset>", String(spec.maxReplicas),
                String(hpa.status?.currentReplicas ?? 0), age]
    }

    /// `formatHPAMetrics`: `cpu: 80%/50%`, `<unknown>` before a value is known, at most two
    /// metrics then `+ N more...`.
    static func targets(_ specs: [MetricSpec], _ statuses: [MetricStatus]) -> String {
        guard !specs.isEmpty else { return "<none>" }
        let list = specs.enumerated().map { index, spec -> String in
            let status = index < statuses.count ? statuses[index] : nil
            guard spec.type == "Resource", let resource = spec.resource else {
                return spec.type == "Pods" || spec.type == "Object" || spec.type == "External" ? "<unknown>/<unknown>" : "<unknown type>"
            }
            if let average = resource.target.averageValue {
                let current = status?.resource?.current.averageValue?.description ?? "<unknown>"
                return "\(resource.name): \(current)/\(average)"
            }
            let current = status?.resource?.current.averageUtilization.map { "\($0)%" } ?? "<unknown>"
            let target = resource.target.averageUtilization.map { "\($0)%" } ?? "<auto>"
            return "\(resource.name): \(current)/\(target)"
        }
        guard list.count > 2 else { return list.joined(separator: ", ") }
        return list.prefix(2).joined(separator: ", ") + " + \(list.count - 2) more..."
    }

    static func describe(_ hpa: HorizontalPodAutoscaler, in store: Store) -> String {
        var out = PrefixLines()
        let meta = hpa.metadata, spec = hpa.spec ?? HorizontalPodAutoscalerSpec()
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        // The controller's history annotation is simulator state, not something a user set.
        PodTemplateText.annotations("Annotations", meta.annotations?.filter { $0.key != HPAHistory.annotation }, into: &out)
        out.write(0, "CreationTimestamp:\t\(DescribeText.time(meta.creationTimestamp))\n")
        out.write(0, "Reference:\t\(spec.scaleTargetRef.kind)/\(spec.scaleTargetRef.name)\n")
        out.write(0, "Metrics:\t( current / target )\n")
        let statuses = hpa.status?.currentMetrics ?? []
        for (index, metric) in (spec.metrics ?? []).enumerated() {
            guard metric.type == "Resource", let resource = metric.resource else { continue }
            let status = index < statuses.count ? statuses[index].resource : nil
            out.write(1, "resource \(resource.name) on pods")
            if let average = resource.target.averageValue {
                out.write(0, ":\t\(status?.current.averageValue?.description ?? "<unknown>") / \(average)\n")
            } else {
                let current = status?.current.averageUtilization.map { "\($0)% (\(status?.current.averageValue?.description ?? "0"))" } ?? "<unknown>"
                out.write(1, "(as a percentage of request):\t\(current) / \(resource.target.averageUtilization.map { "\($0)%" } ?? "<auto>")\n")
            }
        }
        out.write(0, "Min replicas:\t\(spec.minReplicas.map(String.init) ?? "<unset>")\n")
        out.write(0, "Max replicas:\t\(spec.maxReplicas)\n")
        if let behavior = spec.behavior {
            // Shown as the API server stores it, with the defaults filled in.
            let rules = Behavior.rules(behavior)
            out.write(0, "Behavior:\n")
            for (direction, rule) in [("Scale Up", rules.up), ("Scale Down", rules.down)] {
                out.write(1, "\(direction):\n")
                if let window = rule.stabilizationWindowSeconds { out.write(2, "Stabilization Window: \(window) seconds\n") }
                guard let policies = rule.policies, !policies.isEmpty else { continue }
                out.write(2, "Select Policy: \(rule.selectPolicy ?? "Max")\n")
                out.write(2, "Policies:\n")
                for policy in policies { out.write(3, "- Type: \(policy.type)\tValue: \(policy.value)\tPeriod: \(policy.periodSeconds) seconds\n") }
            }
        }
        out.write(0, "\(spec.scaleTargetRef.kind) pods:\t\(hpa.status?.currentReplicas ?? 0) current / \(hpa.status?.desiredReplicas ?? 0) desired\n")
        if let conditions = hpa.status?.conditions, !conditions.isEmpty {
            out.write(0, "Conditions:\n")
            out.write(1, "Type\tStatus\tReason\tMessage\n")
            out.write(1, "----\t------\t------\t-------\n")
            for condition in conditions { out.write(1, "\(condition.type)\t\(condition.status)\t\(condition.reason ?? "")\t\(condition.message ?? "")\n") }
        }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .horizontalPodAutoscaler(hpa), in: store), now: store.now)
    }
}
