import Testing
@testable import KubeModel

/// Positions, layering and wording of `ManifestValidator` results.
struct ManifestValidatorTests {
    let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replica: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx
        """

    @Test("An unknown field is reported at its key with a did-you-mean, as in the issue's example")
    func unknownField() throws {
        let result = try #require(ManifestValidator().validate(text: deployment, file: "deploy.yaml").first)
        #expect(result.issues == [ManifestIssue(mark: SourceMark(line: 6, column: 3), path: "spec.replica",
                                                message: "unknown field \"replica\" (did you mean \"replicas\"?)")])
        #expect(result.kind == "Deployment" && result.name == "web" && result.apiVersion == "apps/v1")
    }

    @Test("lineOffset shifts every reported line, for YAML blocks inside Markdown")
    func lineOffset() throws {
        let result = try #require(ManifestValidator().validate(text: deployment, file: "note.md", lineOffset: 10).first)
        #expect(result.issues.first?.line == 16)
        #expect(result.mark.line == 11)
    }

    @Test("All problems of a document are reported, not just the first")
    func allErrors() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: Bad_Name
            spec:
              restartPolicy: Sometimes
              containers:
              - name: a
                image: nginx
                ports: [{containerPort: 0}]
              - name: a
            """
        let result = try #require(ManifestValidator().validate(text: text, file: "pod.yaml").first)
        let paths = result.issues.map(\.path)
        #expect(paths.contains("metadata.name"))
        #expect(paths.contains("spec.restartPolicy"))
        #expect(paths.contains("spec.containers[0].ports[0].containerPort"))
        #expect(paths.contains("spec.containers[1].name"))
        #expect(paths.contains("spec.containers[1].image"))
        #expect(result.issues.map(\.line) == result.issues.map(\.line).sorted())
    }

    @Test("A syntax error keeps the documents before it and reports where libyaml stopped")
    func syntaxAfterValidDocument() {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\nkind: [\n"
        let results = ManifestValidator().validate(text: text, file: "x.yaml")
        #expect(results.count == 2)
        #expect(results[0].isValid)
        #expect(results[1].document == 2)
        #expect(results[1].issues.first?.message.hasPrefix("YAML syntax error") == true)
        #expect(results[1].issues.first?.line == 6)
    }

    @Test("A field refused by the schema is not judged again by the semantic rules")
    func noDoubleReports() throws {
        let text = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: \"80\"\n"
        let result = try #require(ManifestValidator().validate(text: text, file: "svc.yaml").first)
        #expect(result.issues.map(\.path) == ["spec.ports[0].port"])
    }

    @Test("Valid documents decode to typed objects, with quantities canonical when printed back")
    func typedObject() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: web
                image: nginx
                resources:
                  requests: {cpu: 0.5, memory: 1.5Gi}
            """
        let result = try #require(ManifestValidator().validate(text: text, file: "pod.yaml").first)
        guard case .pod(let pod)? = result.object else { Issue.record("not a pod"); return }
        #expect(pod.spec?.containers.first?.resources?.requests?["cpu"]?.description == "500m")
        let yaml = try ObjectPrinter.yaml(.pod(pod))
        #expect(yaml == """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - image: nginx
                name: web
                resources:
                  requests:
                    cpu: 500m
                    memory: 1536Mi

            """)
    }

    @Test("Strings that YAML would misread are quoted when printed")
    func quoting() {
        #expect(YAMLEmitter.quoted("yes") == "'yes'")
        #expect(YAMLEmitter.quoted("0755") == "'0755'")
        #expect(YAMLEmitter.quoted("") == "''")
        #expect(YAMLEmitter.quoted("a: b") == "'a: b'")
        #expect(YAMLEmitter.quoted("nginx:1.27") == "nginx:1.27")
    }

    @Test("Kinds the API serves but kubedrill does not model pass without checks")
    func otherKinds() throws {
        let text = "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\n"
        #expect(try #require(ManifestValidator().validate(text: text, file: "e.yaml").first).isValid)
    }

    @Test("PodSecurityPolicy points to Pod Security Admission")
    func podSecurityPolicy() throws {
        let text = "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n"
        let message = try #require(ManifestValidator().validate(text: text, file: "p.yaml").first?.issues.first?.message)
        #expect(message.contains("removed in v1.25") && message.contains("Pod Security Admission"))
    }
}
