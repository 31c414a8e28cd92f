import Foundation
import Testing
@testable import KubedrillCLI

@Suite("lint validates the manifests in notes")
struct ManifestLintTests {
    static let note = """
        # Bad

        ```yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replica: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx}]
        ```

        > [!card] Why is this pod rejected? {#bad-name}
        >
        > ```yaml
        > apiVersion: v1
        > kind: Pod
        > metadata:
        >   name: Web
        > spec:
        >   containers: [{name: web, image: nginx}]
        > ```

        ```yaml fragment
        replicas: 3
        ```

        ```yaml invalid
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ```
        """

    @Test("Errors point at the note's own line and column, inside card quotes too; fragments are skipped; `invalid` must fail")
    func manifestBlocks() throws {
        let result = try Sandbox(notes: ["bad.md": Self.note]).run(["lint"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("Content/bad.md:9:3: error: spec.replica: unknown field \"replica\" (did you mean \"replicas\"?) (mark the block `yaml fragment` if it is partial on purpose)"))
        #expect(lines.contains { $0.hasPrefix("Content/bad.md:23:11: error: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain") })
        #expect(lines.contains("Content/bad.md:32:1: error: this block is marked `yaml invalid` but passes validation: show a real mistake or drop `invalid`"))
        #expect(lines.count == 3)
    }

    @Test("The bundled content passes lint: cards, links and every manifest")
    func bundledContentIsClean() throws {
        let env = CommandEnvironment.captured()
        let status = KubedrillMain.run(arguments: ["lint"], environment: env)
        #expect(status == 0, "\(env.out.captured)")
        #expect(env.err.captured.contains("0 errors"))
    }
}
