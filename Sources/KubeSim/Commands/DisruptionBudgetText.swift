import KubeModel

/// `kubectl get pdb` and `kubectl describe pdb` (printers.go v1.33 `printPodDisruptionBudget`;
/// describe.go `describePodDisruptionBudget`).
enum DisruptionBudgetText {
    static let header = ["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"]

    static func row(_ budget: PodDisruptionBudget, age: String) -> [String] {
        [budget.metadata.name ?? "", budget.spec?.minAvailable?.description ?? "N/A",
         budget.spec?.maxUnavailable?.description ?? "N/A", String(budget.status?.disruptionsAllowed ?? 0), age]
    }

    static func describe(_ budget: PodDisruptionBudget, in store: Store) -> String {
        var out = PrefixLines()
        out.write(0, "Name:\t\(budget.metadata.name ?? "")\n")
        out.write(0, "Namespace:\t\(budget.metadata.namespace ?? "default")\n")
        if let minAvailable = budget.spec?.minAvailable {
            out.write(0, "Min available:\t\(minAvailable)\n")
        } else if let maxUnavailable = budget.spec?.maxUnavailable {
            out.write(0, "Max unavailable:\t\(maxUnavailable)\n")
        }
        out.write(0, "Selector:\t\(budget.spec?.selector.map { SelectorText.format($0) } ?? "<unset>")\n")
        let status = budget.status ?? PodDisruptionBudgetStatus()
        out.write(0, "Status:\n")
        out.write(2, "Allowed disruptions:\t\(status.disruptionsAllowed)\n")
        out.write(2, "Current:\t\(status.currentHealthy)\n")
        out.write(2, "Desired:\t\(status.desiredHealthy)\n")
        out.write(2, "Total:\t\(status.expectedPods)\n")
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .podDisruptionBudget(budget), in: store), now: store.now)
    }
}
