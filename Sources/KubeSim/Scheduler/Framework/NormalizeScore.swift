/// Score normalisation shared by plugins.
///
/// Upstream: `pkg/scheduler/framework/plugins/helper/normalize_score.go` `DefaultNormalizeScore`,
/// v1.33.0: scales scores to 0…`maxPriority` by the highest one (integer division); `reverse`
/// turns them round (fewer is better). When every score is 0 they stay 0, or all become
/// `maxPriority` when reversed.
enum NormalizeScore {
    static func `default`(_ maxPriority: Int64, reverse: Bool, _ scores: inout [NodeScore]) {
        var maxCount: Int64 = 0
        for score in scores where score.score > maxCount { maxCount = score.score }
        if maxCount == 0 {
            if reverse {
                for index in scores.indices { scores[index].score = maxPriority }
            }
            return
        }
        for index in scores.indices {
            var score = maxPriority * scores[index].score / maxCount
            if reverse { score = maxPriority - score }
            scores[index].score = score
        }
    }
}
