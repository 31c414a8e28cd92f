import Testing
import KubeModel
@testable import KubeSim

/// `RuleAllows` of pkg/apis/rbac/v1/evaluation_helpers.go (v1.33): wildcards for verbs, groups
/// and resources; `*/<sub>` matches that subresource of any resource; resourceNames restrict;
/// non-resource URLs match exactly or by a trailing `*` prefix.
@Suite("RBAC rule matching")
struct RBACRuleTests {
    static func rule(verbs: [String], groups: [String]? = [""], resources: [String]? = nil, names: [String]? = nil, urls: [String]? = nil) -> PolicyRule {
        var rule = PolicyRule()
        rule.verbs = verbs
        rule.apiGroups = groups
        rule.resources = resources
        rule.resourceNames = names
        rule.nonResourceURLs = urls
        return rule
    }

    static func request(_ verb: String, group: String = "", resource: String = "", subresource: String = "", name: String = "") -> AccessRequest {
        var request = AccessRequest(user: "u", groups: [], verb: verb)
        (request.apiGroup, request.resource, request.subresource, request.name) = (group, resource, subresource, name)
        return request
    }

    @Test("Wildcards, subresources and names")
    func resources() {
        let any = Self.rule(verbs: ["*"], groups: ["*"], resources: ["*"])
        #expect(RBACAuthorizer.matches(any, Self.request("delete", group: "apps", resource: "deployments")))
        let pods = Self.rule(verbs: ["get"], resources: ["pods"])
        #expect(RBACAuthorizer.matches(pods, Self.request("get", resource: "pods")))
        #expect(!RBACAuthorizer.matches(pods, Self.request("get", resource: "pods", subresource: "log")))
        #expect(!RBACAuthorizer.matches(pods, Self.request("get", group: "apps", resource: "pods")))
        #expect(!RBACAuthorizer.matches(pods, Self.request("list", resource: "pods")))
        let logs = Self.rule(verbs: ["get"], groups: ["*"], resources: ["*/log"])
        #expect(RBACAuthorizer.matches(logs, Self.request("get", resource: "pods", subresource: "log")))
        #expect(!RBACAuthorizer.matches(logs, Self.request("get", resource: "pods")))
        let named = Self.rule(verbs: ["get"], resources: ["configmaps"], names: ["settings"])
        #expect(RBACAuthorizer.matches(named, Self.request("get", resource: "configmaps", name: "settings")))
        #expect(!RBACAuthorizer.matches(named, Self.request("get", resource: "configmaps", name: "other")))
        #expect(!RBACAuthorizer.matches(named, Self.request("get", resource: "configmaps")))  // a list names no object
    }

    @Test("Non-resource URLs: exact or a trailing-* prefix")
    func nonResource() {
        let rule = Self.rule(verbs: ["get"], groups: nil, urls: ["/healthz", "/logs/*"])
        var request = AccessRequest(user: "u", groups: [], verb: "get")
        request.nonResourcePath = "/healthz"
        #expect(RBACAuthorizer.matches(rule, request))
        request.nonResourcePath = "/logs/kubelet.log"
        #expect(RBACAuthorizer.matches(rule, request))
        request.nonResourcePath = "/metrics"
        #expect(!RBACAuthorizer.matches(rule, request))
    }
}
