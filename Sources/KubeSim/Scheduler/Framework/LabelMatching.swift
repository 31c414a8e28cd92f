import KubeModel

/// A parsed `metav1.LabelSelector`, matched against label sets many times per cycle.
///
/// Upstream: `k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go` `LabelSelectorAsSelector` and
/// `labels/selector.go`, v1.33.0: a nil selector matches nothing, an empty one everything;
/// `NotIn` and `DoesNotExist` match a set without the key.
public struct LabelMatcher: Sendable, Equatable {
    enum Operator: Sendable, Equatable { case equals, `in`, notIn, exists, doesNotExist }
    struct Requirement: Sendable, Equatable {
        var key: String
        var op: Operator
        var values: [String]
    }

    var requirements: [Requirement]
    /// True for a nil selector (`labels.Nothing()`).
    var matchesNothing: Bool

    public static let nothing = LabelMatcher(requirements: [], matchesNothing: true)
    public static let everything = LabelMatcher(requirements: [], matchesNothing: false)

    init(requirements: [Requirement], matchesNothing: Bool) {
        self.requirements = requirements
        self.matchesNothing = matchesNothing
    }

    /// Parses a selector; a nil selector, or one with an unknown operator, matches nothing.
    public init(_ selector: LabelSelector?) {
        guard let selector else { self = .nothing; return }
        var requirements: [Requirement] = []
        for (key, value) in (selector.matchLabels ?? [:]).sorted(by: { $0.key < $1.key }) {
            requirements.append(Requirement(key: key, op: .equals, values: [value]))
        }
        for expression in selector.matchExpressions ?? [] {
            let op: Operator
            switch expression.operator {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default: self = .nothing; return
            }
            requirements.append(Requirement(key: expression.key, op: op, values: expression.values ?? []))
        }
        self.init(requirements: requirements, matchesNothing: false)
    }

    /// Adds `key = labels[key]` for each key the pod has (upstream `matchLabelKeys` merging).
    mutating func addEquals(keys: [String], from labels: [String: String]) {
        for key in keys {
            if let value = labels[key] { requirements.append(Requirement(key: key, op: .equals, values: [value])) }
        }
    }

    public var isEverything: Bool { !matchesNothing && requirements.isEmpty }

    public func matches(_ labels: [String: String]?) -> Bool {
        if matchesNothing { return false }
        for requirement in requirements {
            let value = labels?[requirement.key]
            switch requirement.op {
            case .equals, .in:
                guard let value, requirement.values.contains(value) else { return false }
            case .notIn:
                if let value, requirement.values.contains(value) { return false }
            case .exists:
                if value == nil { return false }
            case .doesNotExist:
                if value != nil { return false }
            }
        }
        return true
    }
}

/// Node selector terms (`nodeSelectorTerms`, `preference`), matched against a node.
///
/// Upstream: `k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go`, v1.33.0:
/// terms are ORed, requirements in a term ANDed; a term with neither expressions nor fields
/// matches nothing; `Gt`/`Lt` compare integers; `matchFields` supports only `metadata.name`.
enum NodeSelectorMatching {
    static func matches(_ term: NodeSelectorTerm, _ node: Node) -> Bool {
        let expressions = term.matchExpressions ?? []
        let fields = term.matchFields ?? []
        if expressions.isEmpty && fields.isEmpty { return false }
        let labels = node.metadata.labels
        for requirement in expressions where !matches(requirement, value: labels?[requirement.key]) {
            return false
        }
        for requirement in fields {
            guard requirement.key == "metadata.name",
                  requirement.operator == "In" || requirement.operator == "NotIn",
                  matches(requirement, value: node.metadata.name ?? "") else { return false }
        }
        return true
    }

    static func matchesAny(_ terms: [NodeSelectorTerm], _ node: Node) -> Bool {
        terms.contains { matches($0, node) }
    }

    static func matches(_ requirement: NodeSelectorRequirement, value: String?) -> Bool {
        let values = requirement.values ?? []
        switch requirement.operator {
        case "In":
            guard let value else { return false }
            return values.contains(value)
        case "NotIn":
            guard let value else { return true }
            return !values.contains(value)
        case "Exists":
            return value != nil
        case "DoesNotExist":
            return value == nil
        case "Gt", "Lt":
            guard let value, values.count == 1, let bound = Int64(values[0]), let actual = Int64(value) else { return false }
            return requirement.operator == "Gt" ? actual > bound : actual < bound
        default:
            return false
        }
    }
}

/// The pod's required node selector: `spec.nodeSelector` AND required node affinity.
///
/// Upstream: `nodeaffinity.GetRequiredNodeAffinity` / `RequiredNodeAffinity.Match`, v1.33.0.
public struct RequiredNodeAffinity: Sendable {
    let nodeSelector: [String: String]
    let terms: [NodeSelectorTerm]?

    init(_ spec: PodSpec?) {
        nodeSelector = spec?.nodeSelector ?? [:]
        terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
    }

    var isEmpty: Bool { nodeSelector.isEmpty && terms == nil }

    func matches(_ node: Node) -> Bool {
        if !nodeSelector.isEmpty {
            let labels = node.metadata.labels ?? [:]
            for (key, value) in nodeSelector where labels[key] != value { return false }
        }
        if let terms { return NodeSelectorMatching.matchesAny(terms, node) }
        return true
    }
}

/// Toleration matching.
///
/// Upstream: `k8s.io/api/core/v1/toleration.go` `ToleratesTaint`, v1.33.0: an empty effect
/// matches every effect, an empty key with `Exists` every taint; an empty operator means `Equal`.
enum Tolerations {
    static func tolerates(_ toleration: Toleration, _ taint: Taint) -> Bool {
        if let effect = toleration.effect, !effect.isEmpty, effect != taint.effect { return false }
        if let key = toleration.key, !key.isEmpty, key != taint.key { return false }
        switch toleration.operator ?? "" {
        case "", "Equal": return (toleration.value ?? "") == (taint.value ?? "")
        case "Exists": return true
        default: return false
        }
    }

    static func tolerate(_ tolerations: [Toleration], _ taint: Taint) -> Bool {
        tolerations.contains { tolerates($0, taint) }
    }
}
