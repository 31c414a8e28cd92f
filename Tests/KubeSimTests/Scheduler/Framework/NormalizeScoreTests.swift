import Testing
@testable import KubeSim

/// Cases from pkg/scheduler/framework/plugins/helper/normalize_score_test.go (v1.33.0).
@Suite("DefaultNormalizeScore (plugins/helper/normalize_score.go)")
struct NormalizeScoreTests {
    @Test("Scores scale to 0…100 by the highest, optionally reversed", arguments: [
        ([1, 2, 3, 4], false, [25, 50, 75, 100]),
        ([1, 2, 3, 4], true, [75, 50, 25, 0]),
        ([1000, 10, 20, 30], false, [100, 1, 2, 3]),
        ([1000, 10, 20, 30], true, [0, 99, 98, 97]),
        ([1, 1, 1, 1], false, [100, 100, 100, 100]),
        ([1, 1, 1, 1], true, [0, 0, 0, 0]),
        ([0, 0, 0, 0], false, [0, 0, 0, 0]),
        ([0, 0, 0, 0], true, [100, 100, 100, 100]),
    ] as [([Int64], Bool, [Int64])])
    func normalize(scores: [Int64], reverse: Bool, expected: [Int64]) {
        var list = scores.enumerated().map { NodeScore(name: "n\($0.offset)", score: $0.element) }
        NormalizeScore.default(100, reverse: reverse, &list)
        #expect(list.map(\.score) == expected)
    }
}
