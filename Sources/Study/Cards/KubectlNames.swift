/// Resource-type spellings resolved the way kubectl's REST mapper resolves them.
enum KubectlNames {
    /// The plural kubectl's discovery uses for a typed type: `po`, `pod`, `Pods`,
    /// `deployments.apps` and `deployments.v1.apps` all give `pods`/`deployments`. Types kubectl
    /// does not ship (custom resources) stay as typed, lower-cased.
    static func canonicalType(_ typed: String) -> String {
        let lowered = typed.lowercased()
        if let type = KubectlTables.typesBySpelling[lowered] { return type.plural }
        if let dot = lowered.firstIndex(of: ".") {
            let head = String(lowered[..<dot]), group = String(lowered[lowered.index(after: dot)...])
            if let type = KubectlTables.typesBySpelling[head],
               group == type.group || (group.split(separator: ".", maxSplits: 1).count == 2
                                       && String(group.split(separator: ".", maxSplits: 1)[1]) == type.group
                                       && group.hasPrefix("v")) {
                return type.plural
            }
        }
        return lowered
    }

    /// The singular for messages (`deployment`); unknown types as they are.
    static func singular(_ plural: String) -> String {
        KubectlTables.typesBySpelling[plural].map(\.singular) ?? plural
    }
}

/// An alignment of two argument lists that keeps their longest common subsequence in place,
/// so one extra word in the middle is reported once rather than shifting every later word.
enum Alignment {
    enum Step<Element> {
        case same(Element)
        case changed(Element, Element)
        case extra(Element)
        case missing(Element)
    }

    static func steps<Element: Equatable>(_ typed: [Element], _ expected: [Element]) -> [Step<Element>] {
        let rows = typed.count, columns = expected.count
        // lengths[i][j]: LCS length of typed[i...] and expected[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                lengths[i][j] = typed[i] == expected[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Step<Element>] = []
        var extra: [Element] = [], missing: [Element] = []
        func flush() {
            // Unmatched words between two matches pair up as changes; the rest are extra or missing.
            for index in 0..<max(extra.count, missing.count) {
                if index < extra.count && index < missing.count {
                    result.append(.changed(extra[index], missing[index]))
                } else if index < extra.count {
                    result.append(.extra(extra[index]))
                } else {
                    result.append(.missing(missing[index]))
                }
            }
            extra.removeAll()
            missing.removeAll()
        }
        var i = 0, j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, typed[i] == expected[j] {
                flush()
                result.append(.same(typed[i]))
                i += 1
                j += 1
            } else if j >= columns || (i < rows && lengths[i + 1][j] >= lengths[i][j + 1]) {
                extra.append(typed[i])
                i += 1
            } else {
                missing.append(expected[j])
                j += 1
            }
        }
        flush()
        return result
    }
}
