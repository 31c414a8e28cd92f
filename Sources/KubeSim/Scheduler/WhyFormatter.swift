/// Turns a `SchedulingExplanation` into the plain-text lines `why <pod>` prints: a filter table
/// (one row per filter plugin, one column per node, numbered reasons below), the weighted score
/// table of the feasible nodes, and the decision. Pure and ANSI-free, so the CLI or REPL can colour
/// or page it, and tests can compare it line by line.
///
/// ```
/// Filter             control-plane  worker-1  worker-2
/// NodeUnschedulable  pass           pass      pass
/// TaintToleration    FAIL [1]       pass      pass
/// NodeAffinity       skip           skip      skip
///   [1] node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
/// ```
public enum WhyFormatter {
    public static func lines(_ explanation: SchedulingExplanation) -> [String] {
        var lines = ["Pod \(explanation.pod)", ""]
        lines.append("Filters (every plugin on every node; kube-scheduler stops at a node's first FAIL):")
        var footnotes: [String] = []
        func footnote(_ reason: String) -> Int {
            if let index = footnotes.firstIndex(of: reason) { return index + 1 }
            footnotes.append(reason)
            return footnotes.count
        }
        var filterRows = [["Filter"] + explanation.nodes.map(\.node)]
        for (column, plugin) in explanation.filterPlugins.enumerated() {
            var row = [plugin]
            for node in explanation.nodes {
                switch node.verdicts[column] {
                case .passed: row.append("pass")
                case .skipped: row.append("skip")
                case .rejected(let status):
                    let marks = status.reasons.map { "[\(footnote($0))]" }.joined(separator: "")
                    row.append("FAIL \(marks)")
                }
            }
            filterRows.append(row)
        }
        filterRows.append(["Feasible"] + explanation.nodes.map { $0.isFeasible && explanation.preFilterRejection == nil ? "yes" : "no" })
        lines += table(filterRows)
        for (index, reason) in footnotes.enumerated() { lines.append("  [\(index + 1)] \(reason)") }
        lines.append("")
        if explanation.scores.isEmpty {
            lines.append("Scores: no feasible node.")
        } else {
            lines.append("Scores (normalised 0-100 × weight; higher wins):")
            var scoreRows = [["Score plugin"] + explanation.scores.map(\.node)]
            for (column, plugin) in explanation.scorePlugins.enumerated() {
                scoreRows.append(["\(plugin.name) ×\(plugin.weight)"]
                                 + explanation.scores.map { $0.weightedScores[column].map(String.init) ?? "skip" })
            }
            scoreRows.append(["Total"] + explanation.scores.map { String($0.total) })
            lines += table(scoreRows)
        }
        lines.append("")
        if let node = explanation.chosenNode {
            lines.append("Decision: \(node) (equal totals go to the name that sorts first; kube-scheduler picks at random)")
        } else {
            lines.append("Decision: stays Pending (PodScheduled=False, reason Unschedulable)")
            if let message = explanation.fitErrorMessage { lines.append("FailedScheduling: \(message)") }
        }
        return lines
    }

    /// Left-aligned columns two spaces apart, trailing spaces trimmed.
    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            return line
        }
    }
}
