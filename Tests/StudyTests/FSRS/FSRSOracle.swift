import Foundation
@testable import Study

/// The py-fsrs 6.3.2 reference vectors (`Fixtures/fsrs-vectors.json`, copied from
/// `shared/oracles`), and the comparison rules of their README.
enum FSRSOracle {
    struct File: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var reviews: [Review]
    }

    struct Review: Decodable {
        var at: String
        var rating: Int
        var expect: Expect
    }

    struct Expect: Decodable {
        var due: String
        var stability: Double
        var difficulty: Double
        var state: String
        var step: Int?
        var retrievabilityAtReview: Double
        var retrievability: [Probe]

        enum CodingKeys: String, CodingKey {
            case due, stability, difficulty, state, step, retrievability
            case retrievabilityAtReview = "retrievability_at_review"
        }
    }

    struct Probe: Decodable {
        var at: String
        var value: Double
    }

    static let data: Data? = Bundle.module.url(forResource: "fsrs-vectors", withExtension: "json", subdirectory: "Fixtures")
        .flatMap { try? Data(contentsOf: $0) }

    static let file: File? = data.flatMap { try? JSONDecoder().decode(File.self, from: $0) }

    static var caseNames: [String] { file?.cases.map(\.name) ?? [] }

    static func expected(_ name: String) -> Case? { file?.cases.first { $0.name == name } }

    /// The raw JSON of one case, as `kubedrill fsrs simulate` would read it.
    static func caseJSON(_ name: String) throws -> Data? {
        guard let data,
              let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]],
              let found = cases.first(where: { $0["name"] as? String == name })
        else { return nil }
        return try JSONSerialization.data(withJSONObject: found)
    }

    /// The README's rule for stability, difficulty and retrievability: relative tolerance 1e-9.
    static func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        if actual == expected { return true }
        return abs(actual - expected) <= 1e-9 * max(abs(actual), abs(expected))
    }
}
