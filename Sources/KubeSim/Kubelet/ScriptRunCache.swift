import KubeModel

/// What a container's command does, worked out once per distinct command: a CronJob's every
/// Job runs the same `echo`, and interpreting its script again for each pod was a fifth of
/// the kubelet's work. The outcome depends only on the image (its profile), the command, the
/// args and the variables they read, which together are the key.
final class ScriptRunCache {
    struct Key: Hashable {
        var image: String
        var command: [String]?
        var args: [String]?
        var environment: [String: String]

        /// Only the variables the command can read: every pod's `HOSTNAME` differs, and keying
        /// on it would miss every time. A variable is read only where its name is written
        /// (`$NAME`, `${NAME}`, `$(NAME)`), except by `env`/`printenv` and `hostname`, and by an
        /// image's own entrypoint (its required settings), which get all of them.
        init(image: String, command: [String]?, args: [String]?, environment: [String: String]) {
            self.image = image
            self.command = command
            self.args = args
            let words = Self.identifiers(in: (command ?? []) + (args ?? []))
            if command == nil || words.contains("env") || words.contains("printenv") || words.contains("hostname") {
                self.environment = environment
            } else {
                self.environment = environment.filter { words.contains(Substring($0.key)) }
            }
        }

        /// The maximal runs of letters, digits and `_`: every name a `$NAME` could spell.
        private static func identifiers(in words: [String]) -> Set<Substring> {
            var found: Set<Substring> = []
            for word in words {
                var start: String.Index?
                for index in word.indices {
                    let character = word[index]
                    if character.isASCII, character.isLetter || character.isNumber || character == "_" {
                        if start == nil { start = index }
                    } else if let first = start {
                        found.insert(word[first..<index])
                        start = nil
                    }
                }
                if let first = start { found.insert(word[first...]) }
            }
            return found
        }
    }

    /// Bounded: a workload with ever-new environments (a pod name in each) must not grow it
    /// without end; starting over costs one interpretation per command.
    private static let capacity = 512
    @exclusivity(unchecked) private var runs: [Key: ContainerRun] = [:]

    func run(for key: Key, _ interpret: () -> ContainerRun) -> ContainerRun {
        if let known = runs[key] { return known }
        let run = interpret()
        if runs.count >= Self.capacity { runs.removeAll(keepingCapacity: true) }
        runs[key] = run
        return run
    }
}
