import KubeModel

/// `kubectl get hpa` and `get pdb` rows (AutoscalerText, DisruptionBudgetText).
enum AvailabilityTable {
    static func rows(_ objects: [KubeObject], kind: String, age: (KubeObject) -> String) -> ([String], [[String]]) {
        if kind == "HorizontalPodAutoscaler" {
            return (AutoscalerText.header, objects.compactMap { object in
                guard case .horizontalPodAutoscaler(let hpa) = object else { return nil }
                return AutoscalerText.row(hpa, age: age(object))
            })
        }
        return (DisruptionBudgetText.header, objects.compactMap { object in
            guard case .podDisruptionBudget(let budget) = object else { return nil }
            return DisruptionBudgetText.row(budget, age: age(object))
        })
    }
}
