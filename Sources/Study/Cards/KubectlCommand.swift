import KubedrillSupport

/// A kubectl command line reduced to what it means, for judging typed answers on
/// "type-the-command" cards: two spellings kubectl treats alike parse to equal values.
///
/// Equal: flag order; `-n x`, `--namespace x` and `--namespace=x` (every shorthand becomes its
/// long name); `deploy`, `deployment` and `deployments` (kubectl's discovery names and short
/// names, `KubectlTables`); `deploy web` and `deploy/web`; `-it` and `-i -t`; `--force` and
/// `--force=true`; bare `--dry-run` and `--dry-run=client` (kubectl's deprecated spelling);
/// selector terms in any order; `--timeout=60s` and `--timeout=1m`. Not equal: positional order,
/// values, a flag given twice and once, and anything after `--` (kept verbatim).
public struct KubectlCommand: Equatable, Sendable, CustomStringConvertible {
    /// A positional argument after the command words.
    public enum Argument: Equatable, Sendable {
        /// A resource reference: canonical plural type (`deployments`) and optional name.
        case resource(type: String, name: String?)
        /// A word kept as typed (a pod name for `run`, a port mapping, `key=value`).
        case text(String)
    }

    /// A flag by its long name; `value` is nil for a flag that is simply on (`--force`).
    public struct Flag: Hashable, Comparable, Sendable, CustomStringConvertible {
        public var name: String
        public var value: String?

        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }

        public static func < (left: Flag, right: Flag) -> Bool {
            (left.name, left.value ?? "") < (right.name, right.value ?? "")
        }

        /// `--name` or `--name=value`, quoted for a shell when needed.
        public var description: String {
            value.map { "--\(name)=\(KubectlCommand.quoted($0))" } ?? "--\(name)"
        }
    }

    /// Command words after `kubectl`, aliases resolved: `["rollout", "undo"]`, `["create", "deployment"]`.
    public var verb: [String]
    /// Positional arguments in order (order matters to kubectl).
    public var arguments: [Argument]
    /// Flags, sorted: order never matters, repetition does.
    public var flags: [Flag]
    /// Words after `--`, verbatim (the command for `exec`, `run`, `debug`); nil without `--`.
    public var afterDoubleDash: [String]?
    /// An unquoted pipe or redirection and what follows it (`> pod.yaml`), spacing normalised.
    public var shellTail: String?

    public init(verb: [String], arguments: [Argument] = [], flags: [Flag] = [], afterDoubleDash: [String]? = nil, shellTail: String? = nil) {
        self.verb = verb
        self.arguments = arguments
        self.flags = flags.sorted()
        self.afterDoubleDash = afterDoubleDash
        self.shellTail = shellTail
    }

    /// True when kubectl would do the same thing for both commands.
    public func matches(_ other: KubectlCommand) -> Bool { self == other }

    /// The command in one canonical spelling: long flags sorted, resources as `type/name`.
    public var description: String {
        var words = ["kubectl"] + verb + arguments.map(Self.display) + flags.map(\.description)
        if let afterDoubleDash { words += ["--"] + afterDoubleDash.map(Self.quoted) }
        if let shellTail { words.append(shellTail) }
        return words.joined(separator: " ")
    }

    /// What a learner typed wrong, one human line each, compared with `expected`; empty when
    /// they match. Lines read like `missing flag --replicas=3`, `unexpected flag --namespace=dev`
    /// or `resource "service" where "deployment" was expected`.
    public func differences(from expected: KubectlCommand) -> [String] {
        var lines: [String] = []
        if verb != expected.verb {
            lines.append("command \"kubectl \(verb.joined(separator: " "))\" where \"kubectl \(expected.verb.joined(separator: " "))\" was expected")
        }
        lines += Self.argumentDifferences(arguments, expected.arguments)
        lines += Self.flagDifferences(flags, expected.flags)
        switch (afterDoubleDash, expected.afterDoubleDash) {
        case let (typed?, wanted?) where typed != wanted:
            lines.append("command after -- is \"\(typed.map(Self.quoted).joined(separator: " "))\" where \"\(wanted.map(Self.quoted).joined(separator: " "))\" was expected")
        case let (typed?, nil):
            lines.append("unexpected \"-- \(typed.map(Self.quoted).joined(separator: " "))\"")
        case let (nil, wanted?):
            lines.append("missing \"-- \(wanted.map(Self.quoted).joined(separator: " "))\"")
        default:
            break
        }
        switch (shellTail, expected.shellTail) {
        case let (typed?, wanted?) where typed != wanted:
            lines.append("\"\(typed)\" where \"\(wanted)\" was expected")
        case let (typed?, nil):
            lines.append("unexpected \"\(typed)\"")
        case let (nil, wanted?):
            lines.append("missing \"\(wanted)\"")
        default:
            break
        }
        return lines
    }

    // MARK: - Showing differences

    static func display(_ argument: Argument) -> String {
        switch argument {
        case let .resource(type, name?): return "\(type)/\(quoted(name))"
        case let .resource(type, nil): return type
        case let .text(word): return quoted(word)
        }
    }

    /// Words people read: the singular type (`deployment`), as kubectl's messages use.
    static func spoken(_ argument: Argument) -> String {
        switch argument {
        case let .resource(type, name?): return "\(KubectlNames.singular(type))/\(name)"
        case let .resource(type, nil): return KubectlNames.singular(type)
        case let .text(word): return word
        }
    }

    static func argumentDifferences(_ typed: [Argument], _ expected: [Argument]) -> [String] {
        var lines: [String] = []
        var steps = Alignment.steps(typed, expected)
        // A word both extra and missing was typed in the wrong place: say so once.
        for (offset, step) in steps.enumerated() {
            guard case let .extra(word) = step,
                  let other = steps.firstIndex(where: { if case .missing(word) = $0 { return true } else { return false } })
            else { continue }
            lines.append("argument \"\(spoken(word))\" is out of order")
            steps[offset] = .same(word)
            steps[other] = .same(word)
        }
        for step in steps {
            switch step {
            case .same:
                break
            case let .changed(mine, wanted):
                if case let .resource(myType, myName) = mine, case let .resource(wantedType, wantedName) = wanted {
                    if myType != wantedType {
                        lines.append("resource \"\(KubectlNames.singular(myType))\" where \"\(KubectlNames.singular(wantedType))\" was expected")
                    }
                    switch (myName, wantedName) {
                    case let (mine?, wanted?) where mine != wanted:
                        lines.append("name \"\(mine)\" where \"\(wanted)\" was expected")
                    case let (mine?, nil): lines.append("unexpected name \"\(mine)\"")
                    case let (nil, wanted?): lines.append("missing name \"\(wanted)\"")
                    default: break
                    }
                } else {
                    lines.append("argument \"\(spoken(mine))\" where \"\(spoken(wanted))\" was expected")
                }
            case let .extra(mine):
                lines.append("unexpected argument \"\(spoken(mine))\"")
            case let .missing(wanted):
                lines.append("missing argument \"\(spoken(wanted))\"")
            }
        }
        return lines
    }

    static func flagDifferences(_ typed: [Flag], _ expected: [Flag]) -> [String] {
        var unexpected = typed, missing: [Flag] = []
        for flag in expected {
            if let index = unexpected.firstIndex(of: flag) { unexpected.remove(at: index) } else { missing.append(flag) }
        }
        var lines: [String] = []
        for flag in missing.sorted() {
            // One flag with another value reads better as one line than as missing + unexpected.
            if missing.filter({ $0.name == flag.name }).count == 1,
               unexpected.filter({ $0.name == flag.name }).count == 1,
               let index = unexpected.firstIndex(where: { $0.name == flag.name }) {
                lines.append("flag \(unexpected[index]) where \(flag) was expected")
                unexpected.remove(at: index)
            } else {
                lines.append("missing flag \(flag)")
            }
        }
        let missingNames = Set(missing.map(\.name))
        for flag in unexpected.sorted() {
            let hint = missingNames.contains(flag.name) ? nil
                : Suggest.closest(to: flag.name, among: missingNames.subtracting(unexpected.map(\.name)).sorted())
            lines.append("unexpected flag \(flag)" + (hint.map { " (did you mean --\($0)?)" } ?? ""))
        }
        return lines
    }

    /// Quotes a word for a POSIX shell when it would not survive as typed.
    static func quoted(_ word: String) -> String {
        let special = Set(" \t\n'\"\\|&;<>()$`*?[]#~{}")
        guard word.isEmpty || word.contains(where: { special.contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Why a line is not a kubectl command we can judge.
public struct KubectlParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
