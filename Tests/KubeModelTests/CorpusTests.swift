import Foundation
import Testing
@testable import KubeModel

/// The validation corpus (Tests/KubeModelTests/Fixtures/corpus, written by Scripts/make-corpus.py and
/// Scripts/make-kubectl-corpus.sh). Expected verdicts come from the reference (kubernetes-validate on
/// the upstream v1.33.0 OpenAPI schemas, recorded in expectations.json), from kubectl's own generators,
/// or, for rules beyond the schema, from the upstream validation function each case names.
struct CorpusTests {
    struct Case: Decodable, CustomTestStringConvertible {
        struct Reference: Decodable { var valid: Bool; var message: String; var tool: String }
        var file: String
        var valid: Bool
        var source: String
        var path: String
        var message: String
        var reference: Reference
        var testDescription: String { file }
    }

    static let directory: URL? = Bundle.module.url(forResource: "Fixtures/corpus", withExtension: nil)

    static let cases: [Case] = {
        guard let directory, let data = try? Data(contentsOf: directory.appendingPathComponent("expectations.json")) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test("The corpus has at least 100 manifests, valid and invalid")
    func size() {
        #expect(Self.cases.count >= 100)
        #expect(Self.cases.contains { $0.valid } && Self.cases.contains { !$0.valid })
    }

    @Test("kubedrill's verdict matches the expected one, and names the expected field and message", arguments: cases)
    func verdict(_ testCase: Case) throws {
        let directory = try #require(Self.directory)
        let results = ManifestValidator().validate(fileAt: directory.appendingPathComponent(testCase.file).path, displayName: testCase.file)
        let issues = results.flatMap(\.issues)
        let summary = issues.map { "\($0.line):\($0.column) \($0.path): \($0.message)" }.joined(separator: "\n")
        #expect(issues.isEmpty == testCase.valid, "\(testCase.file) [\(testCase.source)]\n\(summary)")
        if !testCase.valid {
            #expect(issues.contains { $0.path == testCase.path && $0.message.contains(testCase.message) },
                    "expected \(testCase.path): …\(testCase.message)… in\n\(summary)")
            #expect(issues.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        }
    }

    @Test("Where the schema decides, kubedrill agrees with the recorded reference verdict",
          arguments: cases.filter { $0.source == "schema" || $0.source == "kubectl generator" })
    func agreesWithReference(_ testCase: Case) {
        #expect(testCase.valid == testCase.reference.valid, "\(testCase.file): reference said \(testCase.reference.message)")
    }
}
