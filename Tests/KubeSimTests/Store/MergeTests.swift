import KubeModel
import Testing
@testable import KubeSim

@Suite("apply and patch merges")
struct MergeTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web, team: a}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
        """

    @Test("kubectl apply: a field dropped from the manifest is removed; fields set by others stay (three-way merge)")
    func threeWay() throws {
        let cluster = try cluster(Self.deployment)
        let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")
        try cluster.annotate(key, ["owner=ops"])
        let lines = try cluster.apply(yaml: Self.deployment.replacingOccurrences(of: ", team: a", with: ""))
        #expect(lines == ["deployment.apps/web configured"])
        let meta = try #require(cluster.get(key)?.meta)
        #expect(meta.labels == ["app": "web"])
        #expect(meta.annotations?["owner"] == "ops")
    }

    @Test("kubectl apply of the same manifest reports unchanged")
    func unchanged() throws {
        let cluster = try cluster(Self.deployment)
        #expect(try cluster.apply(yaml: Self.deployment) == ["deployment.apps/web unchanged"])
    }

    @Test("Strategic merge patch merges containers by name instead of replacing the list")
    func strategic() throws {
        let cluster = try cluster(Self.deployment)
        let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")
        let patch: JSONValue = .object(["spec": .object(["template": .object(["spec": .object([
            "containers": .array([.object(["name": .string("sidecar"), "image": .string("busybox:1.36")])]),
        ])])])])
        try cluster.patch(key, patch: patch)
        guard case .deployment(let deployment)? = cluster.get(key) else { Issue.record("missing"); return }
        #expect(deployment.spec?.template.spec?.containers.map(\.name) == ["web", "sidecar"])
    }

    @Test("kubectl label refuses to change a value without --overwrite")
    func labelOverwrite() throws {
        let cluster = try cluster(podYAML())
        try cluster.label(.pod("web"), ["app=web"])
        #expect(throws: APIError(reason: "BadRequest", message: "'app' already has a value (web), and --overwrite is false")) {
            try cluster.label(.pod("web"), ["app=api"])
        }
        try cluster.label(.pod("web"), ["app-"])
        #expect(cluster.pod("web")?.metadata.labels == nil)
    }
}
