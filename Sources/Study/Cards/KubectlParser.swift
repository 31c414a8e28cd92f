import KubedrillSupport

extension KubectlCommand {
    /// Parses a typed command line. It must start with `kubectl` (or the common alias `k`);
    /// quoting is a shell's; flags are read as kubectl's flag library (pflag) reads them:
    /// `-n dev`, `-ndev`, `-n=dev`, `--namespace dev`, `--namespace=dev`, `-it`.
    /// Throws `KubectlParseError` with a message fit to show the learner.
    public static func parse(_ line: String) throws -> KubectlCommand {
        let shell: ShellWords
        do {
            shell = try ShellWords.split(line)
        } catch let failure as ShellWords.Failure {
            throw KubectlParseError(failure.description)
        }
        // A `$ ` prompt copied along with a command from documentation is not part of it.
        let typed = shell.words.first == "$" ? Array(shell.words.dropFirst()) : shell.words
        guard let program = typed.first else {
            throw KubectlParseError("empty command: type a kubectl command, such as kubectl get pods")
        }
        guard program == "kubectl" || program == "k" else {
            throw KubectlParseError("a kubectl command starts with \"kubectl\" (or its alias \"k\"), not \"\(program)\"")
        }
        var words = Array(typed.dropFirst())
        var afterDoubleDash: [String]?
        if let dash = words.firstIndex(of: "--") {
            afterDoubleDash = Array(words[(dash + 1)...])
            words = Array(words[..<dash])
        }
        var parser = Parser(words: words)
        try parser.run()
        return KubectlCommand(verb: parser.verb, arguments: try parser.arguments(), flags: parser.flags,
                              afterDoubleDash: afterDoubleDash, shellTail: shell.tail)
    }
}

/// One pass over the words: command words, flags and positional words, in any interleaving.
private struct Parser {
    let words: [String]
    var index = 0
    var verb: [String] = []
    var flags: [KubectlCommand.Flag] = []
    var positionals: [String] = []
    /// Subcommands the next positional word may name, and whether one is required.
    var expected: (optional: Bool, children: [KubectlTables.Subcommand])?

    init(words: [String]) { self.words = words }

    mutating func run() throws {
        while index < words.count {
            let word = words[index]
            index += 1
            if word.hasPrefix("--") {
                try longFlag(String(word.dropFirst(2)))
            } else if word.hasPrefix("-") && word.count > 1 {
                try shortFlags(String(word.dropFirst()))
            } else if verb.isEmpty {
                guard KubectlTables.verbs.contains(word) else {
                    let hint = Suggest.closest(to: word, among: KubectlTables.verbs.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                    throw KubectlParseError("unknown command \"\(word)\" for \"kubectl\"\(hint)")
                }
                verb = [word]
                expected = KubectlTables.subcommands[word]
            } else if let (optional, children) = expected {
                if let child = children.first(where: { $0.name == word || $0.aliases.contains(word) }) {
                    verb.append(child.name)
                    expected = child.children.isEmpty ? nil : (false, child.children)
                } else if optional {
                    expected = nil
                    positionals.append(word)
                } else {
                    let names = children.map(\.name)
                    let hint = Suggest.closest(to: word, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
                    throw KubectlParseError("unknown command \"\(word)\" for \"kubectl \(verb.joined(separator: " "))\"\(hint)")
                }
            } else {
                positionals.append(word)
            }
        }
        if verb.isEmpty {
            throw KubectlParseError("no command after kubectl: expected one such as get, describe, create or apply")
        }
        if let (optional, children) = expected, !optional {
            throw KubectlParseError("\"kubectl \(verb.joined(separator: " "))\" needs a subcommand: "
                                    + children.map(\.name).joined(separator: ", "))
        }
    }

    /// `--name`, `--name=value` or `--name value`.
    mutating func longFlag(_ body: String) throws {
        guard !body.isEmpty, !body.hasPrefix("-") else { throw KubectlParseError("bad flag syntax: --\(body)") }
        if let equals = body.firstIndex(of: "=") {
            try add(String(body[..<equals]), value: String(body[body.index(after: equals)...]), spelled: "--" + body)
        } else if takesNoSeparateValue(body) {
            try add(body, value: nil, spelled: "--" + body)
        } else if !KubectlTables.valueFlags.contains(body), index >= words.count || words[index].hasPrefix("-") {
            try add(body, value: nil, spelled: "--" + body)  // unknown, and nothing that looks like a value follows
        } else if index < words.count {
            let value = words[index]
            index += 1
            try add(body, value: value, spelled: "--\(body) \(value)")
        } else {
            throw KubectlParseError("flag needs an argument: --\(body)")
        }
    }

    /// pflag's `parseShortArg`: `-it`, `-n dev`, `-ndev`, `-n=dev`, `-itn dev`.
    mutating func shortFlags(_ letters: String) throws {
        var rest = Substring(letters)
        while let letter = rest.first {
            rest = rest.dropFirst()
            guard let name = KubectlTables.longName(forShorthand: letter, verb: verb) else {
                let command = verb.isEmpty ? "kubectl" : "kubectl " + verb.joined(separator: " ")
                throw KubectlParseError("unknown shorthand flag '\(letter)' in -\(letters) for \"\(command)\"")
            }
            if rest.first == "=" {
                try add(name, value: String(rest.dropFirst()), spelled: "-" + letters)
                return
            }
            if takesNoSeparateValue(name) {
                try add(name, value: nil, spelled: "-\(letter)")
            } else if !rest.isEmpty {
                try add(name, value: String(rest), spelled: "-" + letters)
                return
            } else if index < words.count {
                let value = words[index]
                index += 1
                try add(name, value: value, spelled: "-\(letter) \(value)")
            } else {
                throw KubectlParseError("flag needs an argument: '\(letter)' in -\(letter)")
            }
        }
    }

    func takesNoSeparateValue(_ name: String) -> Bool {
        KubectlTables.isBoolean(name, verb: verb) || KubectlTables.optionalValueFlags[name] != nil
    }

    /// Records a flag with its value normalised; flags left at kubectl's default are dropped.
    mutating func add(_ name: String, value: String?, spelled: String) throws {
        if KubectlTables.isBoolean(name, verb: verb) {
            let truth = try value.map { text -> Bool in
                guard let truth = KubectlValues.boolean(text) else {
                    throw KubectlParseError("invalid argument \"\(text)\" for \"\(spelled)\": a true/false flag")
                }
                return truth
            } ?? true
            // Only a value other than the default is worth recording (`--force=false` is no flag).
            if truth != KubectlTables.isTrueByDefault(name, verb: verb) {
                flags.append(.init(name: name, value: truth ? nil : "false"))
            }
        } else if let (bare, meanings) = KubectlTables.optionalValueFlags[name] {
            guard let meaning = value.map({ meanings[$0] }) ?? bare else {
                let allowed = Set(meanings.values).sorted().joined(separator: ", ")
                throw KubectlParseError("invalid value \"\(value ?? "")\" for --\(name): expected one of \(allowed)")
            }
            if KubectlTables.defaultValues[name] != meaning { flags.append(.init(name: name, value: meaning)) }
        } else if let value, KubectlTables.selectorFlags.contains(name) {
            flags.append(.init(name: name, value: KubectlValues.selector(value)))
        } else if let value, KubectlTables.takesResourceReference(name, verb: verb), let slash = value.firstIndex(of: "/") {
            let type = KubectlNames.canonicalType(String(value[..<slash]))
            flags.append(.init(name: name, value: type + value[slash...]))
        } else if let value, KubectlTables.durationFlags.contains(name) {
            flags.append(.init(name: name, value: KubectlValues.duration(value)))
        } else {
            flags.append(.init(name: name, value: value))
        }
    }

    /// Positional words read as the command reads them (`KubectlTables.ArgumentStyle`).
    func arguments() throws -> [KubectlCommand.Argument] {
        switch KubectlTables.argumentStyle(verb) {
        case .plain:
            return positionals.map { .text($0) }
        case .podOrResource:
            guard let first = positionals.first else { return [] }
            return [Self.reference(first, defaultType: "pods")] + positionals.dropFirst().map { .text($0) }
        case .fieldPath:
            guard let first = positionals.first else { return [] }
            let parts = first.split(separator: ".", maxSplits: 1).map(String.init)
            let path = ([KubectlNames.canonicalType(parts.first ?? "")] + parts.dropFirst()).joined(separator: ".")
            return [.text(path)] + positionals.dropFirst().map { .text($0) }
        case .accessReview:
            return positionals.enumerated().map { offset, word in
                guard offset == 1 else { return .text(word) }
                let parts = word.split(separator: "/", maxSplits: 1).map(String.init)
                return .text(([KubectlNames.canonicalType(parts.first ?? "")] + parts.dropFirst()).joined(separator: "/"))
            }
        case .resources:
            return resourceArguments()
        }
    }

    /// `TYPE[,TYPE…] [NAME…]` and `TYPE/NAME` forms, then any `KEY=VALUE` words, sorted
    /// (label, annotate, `set env|image|selector` and taint apply them as a set).
    func resourceArguments() -> [KubectlCommand.Argument] {
        var words = positionals
        var trailing: [KubectlCommand.Argument] = []
        if verb == ["set", "serviceaccount"], let last = words.popLast() { trailing = [.text(last)] }
        let assignments = words.filter(isAssignment)
        words.removeAll(where: isAssignment)
        var result: [KubectlCommand.Argument] = []
        var types: [String]?
        var names: [String] = []
        func flush() {
            guard let types else { return }
            if names.isEmpty {
                result += types.map { .resource(type: $0, name: nil) }
            } else {
                for type in types { result += names.map { .resource(type: type, name: $0) } }
            }
            names.removeAll()
        }
        for word in words {
            if word.contains("/") {
                flush()
                types = nil
                result.append(Self.reference(word, defaultType: nil))
            } else if types == nil && result.isEmpty {
                types = word.split(separator: ",").map { KubectlNames.canonicalType(String($0)) }
            } else if types != nil {
                names.append(word)
            } else {
                result.append(.text(word))
            }
        }
        flush()
        return result + assignments.sorted().map { .text($0) } + trailing
    }

    func isAssignment(_ word: String) -> Bool {
        switch (verb.first ?? "", verb.count > 1 ? verb[1] : "") {
        case ("label", _), ("annotate", _), ("set", "env"):
            return word.contains("=") || (word.hasSuffix("-") && word.count > 1)
        case ("set", "image"), ("set", "selector"):
            return word.contains("=")
        case ("taint", _):
            return word.contains("=") || word.contains(":") || (word.hasSuffix("-") && word.count > 1)
        default:
            return false
        }
    }

    /// `type/name`, or a bare name of `defaultType` (pods for logs, exec and the like).
    static func reference(_ word: String, defaultType: String?) -> KubectlCommand.Argument {
        if let slash = word.firstIndex(of: "/") {
            return .resource(type: KubectlNames.canonicalType(String(word[..<slash])),
                             name: String(word[word.index(after: slash)...]))
        }
        if let defaultType { return .resource(type: defaultType, name: word) }
        return .resource(type: KubectlNames.canonicalType(word), name: nil)
    }
}
