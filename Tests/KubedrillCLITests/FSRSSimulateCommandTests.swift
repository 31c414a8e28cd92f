import Foundation
import Testing
@testable import KubedrillCLI

/// `kubedrill fsrs simulate` run in-process on every case of the py-fsrs 6.3.2 oracle, fed as a
/// user would feed it (one case on standard input) and compared with the README's rules.
@Suite("fsrs simulate agrees with the py-fsrs reference through the command line")
struct FSRSSimulateCommandTests {
    /// The oracle lives with the Study fixtures; this target has no resources of its own.
    static let vectorsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StudyTests/Fixtures/fsrs-vectors.json")

    static let cases: [[String: Any]] = {
        guard let data = try? Data(contentsOf: vectorsURL),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return root["cases"] as? [[String: Any]] ?? []
    }()

    static var caseNames: [String] { cases.compactMap { $0["name"] as? String } }

    /// Runs the command with `input` on stdin; returns the status, stdout and stderr.
    static func simulate(_ input: String, arguments: [String] = []) -> (Int32, String, String) {
        let env = CommandEnvironment.captured(input: input.components(separatedBy: "\n"))
        let status = KubedrillMain.run(arguments: ["fsrs", "simulate"] + arguments, environment: env)
        return (status, env.out.captured, env.err.captured)
    }

    /// The case as a user would write it: settings and reviews, without the expectations.
    static func input(for testCase: [String: Any]) throws -> String {
        var stripped = testCase
        stripped["reviews"] = (testCase["reviews"] as? [[String: Any]] ?? []).map { review in
            review.filter { $0.key != "expect" }
        }
        let data = try JSONSerialization.data(withJSONObject: stripped, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func close(_ actual: Any?, _ expected: Any?) -> Bool {
        guard let actual = (actual as? NSNumber)?.doubleValue, let expected = (expected as? NSNumber)?.doubleValue else { return false }
        return actual == expected || abs(actual - expected) <= 1e-9 * max(abs(actual), abs(expected))
    }

    @Test("All 34 oracle cases are available to the command-line test")
    func allCasesPresent() {
        #expect(Self.cases.count == 34)
        #expect(Self.cases.reduce(0) { $0 + (($1["reviews"] as? [Any])?.count ?? 0) } == 270)
    }

    @Test("Each case's output matches the reference review for review", arguments: caseNames)
    func caseThroughCommandLine(name: String) throws {
        let testCase = try #require(Self.cases.first { $0["name"] as? String == name })
        let (status, out, err) = Self.simulate(try Self.input(for: testCase))
        #expect(status == 0, "\(err)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        let reviews = try #require(testCase["reviews"] as? [[String: Any]])
        #expect(printed.count == reviews.count)
        for (index, (row, review)) in zip(printed, reviews).enumerated() {
            let expect = try #require(review["expect"] as? [String: Any])
            let label = "\(name) review \(index + 1)"
            #expect(row["at"] as? String == review["at"] as? String, "\(label): at")
            #expect((row["rating"] as? NSNumber)?.intValue == (review["rating"] as? NSNumber)?.intValue, "\(label): rating")
            #expect(row["due"] as? String == expect["due"] as? String, "\(label): due")
            #expect(row["state"] as? String == expect["state"] as? String, "\(label): state")
            if expect["step"] is NSNull {
                #expect(row["step"] is NSNull, "\(label): step should be null")
            } else {
                #expect((row["step"] as? NSNumber)?.intValue == (expect["step"] as? NSNumber)?.intValue, "\(label): step")
            }
            for key in ["stability", "difficulty", "retrievability_at_review"] {
                #expect(Self.close(row[key], expect[key]), "\(label): \(key) \(row[key] ?? "missing") ≠ \(expect[key] ?? "missing")")
            }
        }
    }

    @Test("Settings left out default to py-fsrs's, and a seeded fuzz run is repeatable and stays in range")
    func defaultsAndFuzz() throws {
        let input = """
            {"reviews": [{"at": "2026-01-01T00:00:00Z", "rating": 4}, {"at": "2026-01-09T00:00:00Z", "rating": 3},
                         {"at": "2026-02-20T00:00:00Z", "rating": 3}]}
            """
        let (status, plain, _) = Self.simulate(input)
        #expect(status == 0)
        #expect(plain.contains("\"due\" : \"2026-01-09T00:00:00Z\""))  // Easy: S = 8.2956 → 8 days
        let (_, fuzzedOnce, _) = Self.simulate(input, arguments: ["--fuzz-seed", "42"])
        let (_, fuzzedTwice, _) = Self.simulate(input, arguments: ["--fuzz-seed", "42"])
        #expect(fuzzedOnce == fuzzedTwice)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(fuzzedOnce.utf8)) as? [[String: Any]])
        // 8 days fuzzes within 6…10 (delta 1 + 0.15 × 4.5 + 0.1 × 1 = 1.775), plus py-fsrs's rounding edge.
        #expect(["2026-01-07T00:00:00Z", "2026-01-08T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-10T00:00:00Z",
                 "2026-01-11T00:00:00Z"].contains(rows.first?["due"] as? String ?? ""))
    }

    @Test("Unreadable input fails with exit 1 and says what is wrong")
    func errors() {
        let cases: [(String, String)] = [
            ("", "no case on standard input"),
            ("{\"reviews\": [{\"at\": \"2026-01-01T00:00:00Z\", \"rating\": 5}]}", "reviews[0].rating: rating 5 is not 1 (Again)"),
            ("{\"reviews\": [{\"at\": \"tomorrow\", \"rating\": 3}]}", "reviews[0].at: \"tomorrow\" is not an ISO-8601 time"),
            ("{\"cases\": []}", "this is a file of cases"),
            ("{\"parameters\": [1, 2], \"reviews\": []}", "Expected 21 parameters, got 2."),
            ("{\"desired_retention\": 1.5, \"reviews\": []}", "desired retention 1.5 must be between 0 and 1"),
            ("{\"reviews\": [", "not valid JSON"),
            ("{\"parameters\": \"custom\", \"reviews\": []}", "expected \"default\" or a list of 21 numbers"),
        ]
        for (input, message) in cases {
            let (status, out, err) = Self.simulate(input)
            #expect(status == 1, "\(input)")
            #expect(out.isEmpty)
            #expect(err.contains(message), "\(input): \(err)")
        }
    }
}
