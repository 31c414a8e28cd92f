import Testing
@testable import KubeModel

/// Resolution rules from gopkg.in/yaml.v2 resolve.go and decode.go, which sigs.k8s.io/yaml uses for
/// kubectl and the API server.
struct YAMLReaderTests {
    func root(_ text: String) throws -> YAMLNode {
        let stream = YAMLReader().read(text)
        #expect(stream.fatal == nil)
        return try #require(stream.documents.first).root
    }

    @Test("YAML 1.1 booleans: yes/on/y are true, no/off/n are false (yaml.v2 resolve table)")
    func booleans() throws {
        let node = try root("a: yes\nb: on\nc: y\nd: No\ne: OFF\nf: n\ng: \"yes\"\nh: True")
        for (key, expected) in [("a", true), ("b", true), ("c", true), ("d", false), ("e", false), ("f", false), ("h", true)] {
            guard case .bool(let flag)? = node[key]?.value else { Issue.record("\(key) is not a bool"); continue }
            #expect(flag == expected)
        }
        #expect(node["g"]?.string == "yes")
    }

    @Test("Octal-looking numbers are octal, 0x hex, underscores ignored (strconv.ParseInt base 0)")
    func integers() throws {
        let node = try root("a: 0755\nb: 0x1F\nc: 1_000\nd: 08\ne: 1e3\nf: '0755'\ng: -0o17")
        #expect(node["a"]?.value.integerValue == 493)
        #expect(node["b"]?.value.integerValue == 31)
        #expect(node["c"]?.value.integerValue == 1000)
        #expect(node["d"]?.value.integerValue == 8)  // not octal: falls through to float 8
        #expect(node["e"]?.value.integerValue == 1000)
        #expect(node["f"]?.string == "0755")
        #expect(node["g"]?.value.integerValue == -15)
    }

    @Test("Non-string keys become JSON strings as sigs.k8s.io/yaml converts them")
    func keys() throws {
        let node = try root("yes: 1\n80: http\n")
        #expect(node.entries?.map(\.key) == ["true", "80"])
    }

    @Test("Timestamps stay strings (yaml.v2 keeps them as strings in interface{})")
    func timestamps() throws {
        #expect(try root("t: 2024-01-02T03:04:05Z")["t"]?.string == "2024-01-02T03:04:05Z")
    }

    @Test("A key set twice is reported as yaml.v2 UnmarshalStrict does, and the last value wins")
    func duplicateKeys() throws {
        let stream = YAMLReader().read("a: 1\nb: 2\na: 3\n")
        let document = try #require(stream.documents.first)
        #expect(document.problems == [SourceProblem(mark: SourceMark(line: 3, column: 1), message: "key \"a\" already set in map")])
        #expect(document.root["a"]?.value.integerValue == 3)
    }

    @Test("Every node keeps its line and column")
    func marks() throws {
        let node = try root("kind: Pod\nspec:\n  containers:\n  - name: web\n")
        #expect(node["spec"]?["containers"]?.items?.first?["name"]?.mark == SourceMark(line: 4, column: 11))
        #expect(node.entry("spec")?.keyMark == SourceMark(line: 2, column: 1))
    }

    @Test("Multi-document streams skip empty documents, and JSON is read too")
    func documents() {
        let stream = YAMLReader().read("---\na: 1\n---\n---\n{\"b\": [1, 2]}\n---\n")
        #expect(stream.documents.count == 2)
        #expect(stream.documents.map(\.number) == [1, 2])
        #expect(stream.documents.last?.root["b"]?.items?.count == 2)
    }

    @Test("Merge keys fill in keys the mapping does not set")
    func mergeKeys() throws {
        let node = try root("base: &b {host: 1, port: 2}\nm:\n  <<: *b\n  port: 3\n")
        #expect(node["m"]?["host"]?.value.integerValue == 1)
        #expect(node["m"]?["port"]?.value.integerValue == 3)
    }

    @Test("Syntax errors stop reading at libyaml's line and column")
    func syntaxError() {
        let stream = YAMLReader().read("a: 1\nb: [1, 2\nc: 3\n")
        #expect(stream.fatal != nil)
        #expect(stream.fatal?.message.hasPrefix("YAML syntax error:") == true)
    }

    @Test("A billion-laughs file is refused as excessive aliasing (yaml.v2 allowedAliasRatio)")
    func billionLaughs() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let stream = YAMLReader().read(text)
        #expect(stream.fatal?.message == "document contains excessive aliasing")
    }

    @Test("Nesting deeper than the limit is refused without recursion")
    func depth() {
        let text = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        #expect(YAMLReader().read(text).fatal?.message == "nesting deeper than 100 levels")
        let huge = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(YAMLReader().read(huge).fatal != nil)
    }

    @Test("Invalid UTF-8 is reported at its position")
    func invalidUTF8() {
        var bytes = Array("a: 1\nb: x".utf8) + [0xC3, 0x28]
        let stream = YAMLReader().read(bytes: &bytes)
        #expect(stream.fatal?.mark == SourceMark(line: 2, column: 5))
        #expect(stream.fatal?.message.contains("UTF-8") == true)
    }
}
