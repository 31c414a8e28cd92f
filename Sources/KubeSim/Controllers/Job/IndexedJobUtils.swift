import KubeModel

/// Completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go, v1.33): each
/// pod carries its index in the `batch.kubernetes.io/job-completion-index` annotation and label,
/// and `status.completedIndexes` lists the succeeded ones as ranges, `0-2,4`.
enum IndexedJobUtils {
    /// `getCompletionIndex`: the annotation's index, if it is a number in 0..<completions.
    static func index(of pod: Pod, completions: Int32) -> Int32? {
        guard let text = pod.metadata.annotations?[JobLabels.completionIndex], let index = Int32(text),
              index >= 0, index < completions else { return nil }
        return index
    }

    /// `parseIndexesFromString`: `1,3-5` → [1, 3, 4, 5]; malformed parts are skipped.
    static func parse(_ text: String?, completions: Int32) -> Set<Int32> {
        var indexes = Set<Int32>()
        for part in (text ?? "").split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int32($0) }
            guard let low = bounds.first ?? nil else { continue }
            let high = bounds.count == 2 ? (bounds[1] ?? low) : low
            guard low <= high else { continue }
            for index in low...high where index < completions { indexes.insert(index) }
        }
        return indexes
    }

    /// `orderedIntervals.String`: sorted indexes with runs written `first-last`.
    static func format(_ indexes: Set<Int32>) -> String {
        var parts: [String] = []
        var run: (first: Int32, last: Int32)?
        for index in indexes.sorted() {
            if let current = run, index == current.last + 1 { run = (current.first, index); continue }
            if let current = run { parts.append(text(current)) }
            run = (index, index)
        }
        if let current = run { parts.append(text(current)) }
        return parts.joined(separator: ",")
    }

    private static func text(_ run: (first: Int32, last: Int32)) -> String {
        run.first == run.last ? "\(run.first)" : "\(run.first)-\(run.last)"
    }

    /// `firstPendingIndexes`: the lowest `count` indexes neither succeeded nor held by an active pod.
    static func pendingIndexes(count: Int, completions: Int32, succeeded: Set<Int32>, active: Set<Int32>) -> [Int32] {
        var pending: [Int32] = []
        var index: Int32 = 0
        while pending.count < count, index < completions {
            if !succeeded.contains(index), !active.contains(index) { pending.append(index) }
            index += 1
        }
        return pending
    }
}
