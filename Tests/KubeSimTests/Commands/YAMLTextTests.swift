import Testing
import KubeModel
@testable import KubeSim

/// YAML as kubectl prints it: sigs.k8s.io/yaml over go-yaml v2, whose encoder picks literal
/// style for strings with line breaks (encode.go `stringv`) unless libyaml's emitter cannot
/// write them so (a line ending in a space, a leading space), and then double quotes.
@Suite("YAML output as kubectl writes it")
struct YAMLTextTests {
    @Test("Keys sorted; multi-line strings as literal blocks with |, |- or |+ by their final line breaks")
    func literalBlocks() {
        let value: JSONValue = .object([
            "data": .object([
                "nginx.conf": .string("server {\n  listen 80;\n}\n"),
                "script": .string("echo a\necho b"),
                "kept": .string("a\n\n"),
            ]),
            "args": .array([.string("one\ntwo\n")]),
        ])
        #expect(YAMLText.render(value) == """
            args:
            - |
              one
              two
            data:
              kept: |+
                a

              nginx.conf: |
                server {
                  listen 80;
                }
              script: |-
                echo a
                echo b

            """)
    }

    @Test("A line ending in a space, or a leading space, keeps the double-quoted form with escapes")
    func quotedFallback() {
        #expect(YAMLText.render(.object(["a": .string("x \ny\n")])) == "a: \"x \\ny\\n\"\n")
        #expect(YAMLText.render(.object(["a": .string(" x\ny")])) == "a: \" x\\ny\"\n")
    }
}
