/// Label selector semantics from apimachinery `metav1.LabelSelectorAsSelector` and `labels.Requirement.Matches`.
extension LabelSelector {
    /// True when `labels` satisfy every `matchLabels` pair and every `matchExpressions` requirement.
    /// An empty selector matches everything (upstream: "an empty label selector matches all objects";
    /// a nil one matches nothing — callers holding an optional decide that).
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels) { return false }
        return true
    }

    /// True when the selector has neither matchLabels nor matchExpressions.
    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }
}

extension LabelSelectorRequirement {
    /// `labels.Requirement.Matches`: In needs the label with a listed value, NotIn is true when the
    /// label is absent or has another value, Exists / DoesNotExist test presence only.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch `operator` {
        case "In": return value.map { (values ?? []).contains($0) } ?? false
        case "NotIn": return value.map { !(values ?? []).contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        default: return false
        }
    }
}
