import Testing
@testable import KubeModel

/// apimachinery labels.Requirement.Matches and metav1.LabelSelectorAsSelector semantics.
struct LabelSelectorTests {
    func requirement(_ key: String, _ op: String, _ values: [String]? = nil) -> LabelSelectorRequirement {
        var requirement = LabelSelectorRequirement()
        requirement.key = key
        requirement.operator = op
        requirement.values = values
        return requirement
    }

    @Test("matchLabels needs every pair; matchExpressions In/NotIn/Exists/DoesNotExist")
    func matching() {
        var selector = LabelSelector()
        selector.matchLabels = ["app": "web"]
        #expect(selector.matches(["app": "web", "tier": "front"]))
        #expect(!selector.matches(["app": "api"]))
        selector.matchExpressions = [requirement("tier", "In", ["front", "edge"])]
        #expect(selector.matches(["app": "web", "tier": "edge"]))
        #expect(!selector.matches(["app": "web"]))
        selector.matchExpressions = [requirement("tier", "NotIn", ["back"])]
        #expect(selector.matches(["app": "web"]))  // NotIn matches when the label is absent
        #expect(!selector.matches(["app": "web", "tier": "back"]))
        selector.matchExpressions = [requirement("canary", "Exists")]
        #expect(selector.matches(["app": "web", "canary": ""]))
        selector.matchExpressions = [requirement("canary", "DoesNotExist")]
        #expect(!selector.matches(["app": "web", "canary": "true"]))
    }

    @Test("An empty selector matches everything")
    func empty() {
        #expect(LabelSelector().matches(["anything": "at-all"]))
        #expect(LabelSelector().isEmpty)
    }
}
