/// What a container's process does over time, derived from its image and `command`/`args`:
/// a server that listens, or a shell script of `echo`, `sleep`, `touch`, `rm`, `exit`, `false`
/// and `while true; do …; done` loops, run with the container's environment.
public indirect enum ScriptStep: Codable, Equatable, Sendable {
    case log(String)
    case sleep(Int64?)  // nil: forever (`sleep infinity`)
    case exit(Int32)
    case touch(String)
    case remove(String)
    case serve
    case loop([ScriptStep])
    /// The process could not start (`exec: "x": executable file not found in $PATH`).
    case startError(String)
    /// Allocates memory (stress `--vm-bytes`), in bytes.
    case allocate(Int64)
}

/// The outcome of running a script from its start: what it logs, when it exits, which files exist.
public struct ContainerRun: Sendable {
    public var logs: [(at: Int64, line: String)] = []
    /// Seconds after start, and the code; nil while it runs.
    public var exit: (at: Int64, code: Int32)?
    public var startError: String?
    public var listens = false
    public var files: [(at: Int64, path: String, exists: Bool)] = []
    public var memoryBytes: Int64 = 0

    /// Whether `path` exists `elapsed` seconds after start.
    public func fileExists(_ path: String, at elapsed: Int64) -> Bool {
        files.last { $0.path == path && $0.at <= elapsed }?.exists ?? false
    }

    /// The next time after `elapsed` something observable changes (a file, an exit), if any.
    public func nextChange(after elapsed: Int64) -> Int64? {
        let times = files.map(\.at) + [exit?.at].compactMap { $0 }
        return times.filter { $0 > elapsed }.min()
    }
}

public enum ContainerScript {
    /// How far ahead loops are unrolled; a loop still going then counts as running forever.
    static let horizon: Int64 = 24 * 3600
    static let maximumLogLines = 2000

    /// The steps a container runs. `command` replaces the image's entrypoint, `args` its command
    /// (https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/).
    public static func steps(image profile: ImageProfile, command: [String]?, args: [String]?, environment: [String: String]) -> [ScriptStep] {
        let words = (command ?? []) + (args ?? [])
        if command == nil {
            switch profile.entrypoint {
            case .server:
                if let args, !args.isEmpty { return parse(words: args, profile: profile, environment: environment) }
                let missing = profile.requiredEnvironment.first { group in !group.contains { !(environment[$0] ?? "").isEmpty } }
                if missing != nil { return profile.missingEnvironmentLog.map { .log($0) } + [.exit(1)] }
                return [.serve]
            case .shell:
                guard let args, !args.isEmpty else { return [.exit(0)] }
                return parse(words: args, profile: profile, environment: environment)
            case .stress:
                return stress(args ?? [])
            }
        }
        return parse(words: words, profile: profile, environment: environment)
    }

    static func parse(words: [String], profile: ImageProfile, environment: [String: String]) -> [ScriptStep] {
        guard let first = words.first else { return [.exit(0)] }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        if ["sh", "bash", "ash"].contains(program), words.count >= 3, words[1] == "-c" {
            return script(words[2], environment: environment)
        }
        if program == "stress" { return stress(Array(words.dropFirst())) }
        guard profile.binaries.contains(first) || profile.binaries.contains(program) || ["nginx", "httpd", "redis-server", "postgres", "mysqld", "mongod"].contains(program) else {
            return [.startError("exec: \"\(first)\": executable file not found in $PATH")]
        }
        if ["nginx", "httpd", "redis-server", "postgres", "mysqld", "mongod"].contains(program) { return [.serve] }
        return statement(words, environment: environment) + [.exit(0)]
    }

    /// `sh -c` text: statements split on `;`, `&&` and newlines; one `while true; do …; done`.
    static func script(_ text: String, environment: [String: String]) -> [ScriptStep] {
        var steps: [ScriptStep] = []
        var remaining = text
        // Foundation's searches only when the words are there: most scripts are one `echo`.
        if remaining.contains("while"), let whileRange = remaining.range(of: "while true; do"), let doneRange = remaining.range(of: "done", range: whileRange.upperBound..<remaining.endIndex) {
            let before = String(remaining[..<whileRange.lowerBound])
            let body = String(remaining[whileRange.upperBound..<doneRange.lowerBound])
            steps += statements(before, environment: environment)
            steps.append(.loop(statements(body, environment: environment)))
            remaining = String(remaining[doneRange.upperBound...])
        }
        steps += statements(remaining, environment: environment)
        if !steps.contains(where: { if case .exit = $0 { return true } else { return false } }) { steps.append(.exit(0)) }
        return steps
    }

    static func statements(_ text: String, environment: [String: String]) -> [ScriptStep] {
        (text.contains("&&") ? text.replacingOccurrences(of: "&&", with: ";") : text).split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .flatMap { statement(shellWords(String($0), environment: environment), environment: environment) }
    }

    static func statement(_ words: [String], environment: [String: String]) -> [ScriptStep] {
        guard let first = words.first else { return [] }
        let rest = Array(words.dropFirst())
        switch first.split(separator: "/").last.map(String.init) ?? first {
        case "echo": return [.log(rest.joined(separator: " "))]
        case "sleep":
            guard let text = rest.first else { return [] }
            return text == "infinity" ? [.sleep(nil)] : [.sleep(VirtualDuration(parsing: text)?.seconds ?? 0)]
        case "exit": return [.exit(Int32(rest.first ?? "0") ?? 0)]
        case "false": return [.exit(1)]
        case "touch": return rest.map { .touch($0) }
        case "rm": return rest.filter { !$0.hasPrefix("-") }.map { .remove($0) }
        case "date": return [.log("Thu Jan  1 00:00:00 UTC 2026")]
        case "env", "printenv": return environment.keys.sorted().map { .log("\($0)=\(environment[$0] ?? "")") }
        default: return []
        }
    }

    /// Splits a shell statement into words, honouring quotes and expanding `$VAR`/`${VAR}`.
    static func shellWords(_ text: String, environment: [String: String]) -> [String] {
        var words: [String] = [], current = "", quote: Character?, hasWord = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open { quote = nil; continue }
                if character == "$", open == "\"" { current += variable(&characters, environment); continue }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character; hasWord = true
            } else if character == " " || character == "\t" {
                if hasWord || !current.isEmpty { words.append(current) }
                current = ""; hasWord = false
            } else if character == "$" {
                current += variable(&characters, environment)
            } else {
                current.append(character)
            }
        }
        if hasWord || !current.isEmpty { words.append(current) }
        return words
    }

    private static func variable(_ characters: inout ArraySlice<Character>, _ environment: [String: String]) -> String {
        var name = ""
        if characters.first == "{" {
            characters.removeFirst()
            while let next = characters.popFirst(), next != "}" { name.append(next) }
        } else if characters.first == "(" {
            characters.removeFirst()
            while let next = characters.popFirst(), next != ")" { name.append(next) }
            return name == "date" ? "Thu Jan  1 00:00:00 UTC 2026" : (name == "hostname" ? (environment["HOSTNAME"] ?? "") : "")
        } else {
            while let next = characters.first, next.isLetter || next.isNumber || next == "_" { name.append(next); characters.removeFirst() }
        }
        return environment[name] ?? ""
    }

    /// `stress --vm 1 --vm-bytes 250M --vm-hang 1` (the docs' memory example) allocates and holds.
    static func stress(_ args: [String]) -> [ScriptStep] {
        var bytes: Int64 = 256 * 1024 * 1024
        if let index = args.firstIndex(of: "--vm-bytes"), index + 1 < args.count {
            let text = args[index + 1]
            let units: [Character: Int64] = ["B": 1, "K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024]
            if let last = text.uppercased().last, let unit = units[last], let number = Int64(text.dropLast()) { bytes = number * unit }
            else if let number = Int64(text) { bytes = number }
        }
        return [.log("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd"), .allocate(bytes), .sleep(nil)]
    }

    /// Runs `steps` from the container's start up to the horizon.
    public static func run(_ steps: [ScriptStep], baseMemoryBytes: Int64) -> ContainerRun {
        var result = ContainerRun()
        result.memoryBytes = baseMemoryBytes
        var clock: Int64 = 0
        func execute(_ steps: [ScriptStep], depth: Int) -> Bool {  // false: stop (exit or forever)
            for step in steps {
                if clock > horizon || result.logs.count > maximumLogLines { return false }
                switch step {
                case .log(let line): result.logs.append((clock, line))
                case .sleep(let seconds):
                    guard let seconds else { return false }
                    clock += seconds
                case .exit(let code):
                    result.exit = (clock, code)
                    return false
                case .touch(let path): result.files.append((clock, path, true))
                case .remove(let path): result.files.append((clock, path, false))
                case .serve:
                    result.listens = true
                    return false
                case .allocate(let bytes): result.memoryBytes += bytes
                case .startError(let message):
                    result.startError = message
                    return false
                case .loop(let body):
                    guard depth < 2 else { return false }
                    let hasTime = body.contains { if case .sleep(let s) = $0 { return (s ?? 1) > 0 } else { return false } }
                    guard hasTime else { return false }  // a busy loop: runs forever without output we model
                    while clock <= horizon, result.logs.count <= maximumLogLines {
                        if !execute(body, depth: depth + 1) { return false }
                    }
                    return false
                }
            }
            return true
        }
        _ = execute(steps, depth: 0)
        return result
    }
}
