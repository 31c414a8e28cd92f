/// One kind of check `kubedrill lint` runs over the content. Each area adds its own (cards here,
/// manifest validation of ```yaml blocks and exercise checks elsewhere) to `LintCommand.checkers`,
/// so the command never needs to know what is being checked.
public protocol ContentChecker: Sendable {
    /// Shown by `lint --list-checks` and in JSON output.
    var name: String { get }
    func check(_ library: ContentLibrary) -> [ContentProblem]
}

/// Problems found while loading notes: unreadable files, bad front matter, broken wiki links.
public struct LoadingChecker: ContentChecker {
    public init() {}
    public var name: String { "notes" }
    public func check(_ library: ContentLibrary) -> [ContentProblem] { library.problems }
}

/// The card format: missing, bad or duplicate ids, empty questions and answers, malformed cards.
public struct CardChecker: ContentChecker {
    let commandCheck: CardParser.CommandCheck
    public init(commandCheck: @escaping CardParser.CommandCheck = CardParser.basicCommandCheck) {
        self.commandCheck = commandCheck
    }
    public var name: String { "cards" }
    public func check(_ library: ContentLibrary) -> [ContentProblem] {
        library.cardDeck(commandCheck: commandCheck).problems
    }
}

/// Runs checkers and orders their findings by file and position, each reported once.
public enum Lint {
    public static func run(_ checkers: [any ContentChecker], on library: ContentLibrary) -> [ContentProblem] {
        var seen = Set<String>()
        var problems: [ContentProblem] = []
        for checker in checkers {
            for problem in checker.check(library) where seen.insert(problem.description).inserted {
                problems.append(problem)
            }
        }
        return problems.sorted { ($0.file, $0.line, $0.column ?? 0) < ($1.file, $1.line, $1.column ?? 0) }
    }
}
