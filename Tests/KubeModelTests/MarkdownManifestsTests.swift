import Testing
@testable import KubeModel

struct MarkdownManifestsTests {
    @Test("Manifest blocks are found with their line offset; fragments and `invalid` blocks are skipped")
    func blocks() throws {
        let note = """
            # Pods

            ```yaml
            apiVersion: v1
            kind: Pod
            metadata: {name: Web}
            spec:
              containers: [{name: web, image: nginx}]
            ```

            ```yaml
            resources:
              limits: {cpu: 1}
            ```

            ```yaml invalid
            apiVersion: v1
            kind: Pod
            ```
            """
        let blocks = MarkdownManifests.blocks(in: note)
        #expect(blocks.count == 1)
        let block = try #require(blocks.first)
        #expect(block.lineOffset == 3)
        let issue = try #require(ManifestValidator().validate(text: block.text, file: "pods.md", lineOffset: block.lineOffset).first?.issues.first)
        #expect(issue.line == 6 && issue.path == "metadata.name")
    }
}
