import KubeModel

/// `setConditionInList` (horizontal.go v1.33): a condition is added the first time its type is
/// set; the transition time moves only when the status changes.
struct HPAConditions {
    var list: [HorizontalPodAutoscalerCondition]
    let now: VirtualTime

    mutating func set(_ type: String, _ status: Bool, _ reason: String, _ message: String) {
        let text = status ? "True" : "False"
        var condition = list.first { $0.type == type } ?? HorizontalPodAutoscalerCondition()
        if condition.type.isEmpty || condition.status != text { condition.lastTransitionTime = now.rfc3339 }
        condition.type = type
        condition.status = text
        condition.reason = reason
        condition.message = message
        if let index = list.firstIndex(where: { $0.type == type }) { list[index] = condition } else { list.append(condition) }
    }
}
