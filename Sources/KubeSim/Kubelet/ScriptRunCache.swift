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
        /// (`$NAME`, `${NAME}`, `$(NAME)`), so one whose name appears nowhere in the command is
        /// left out; `env`/`printenv`, `hostname` and an image's own entrypoint (its required
        /// settings) read them all.
        fileprivate init(image: String, _ text: CommandText, environment: [String: String]) {
            self.image = image
            command = text.command
            args = text.args
            if text.readsAll {
                self.environment = environment
            } else if environment.keys.contains(where: { Self.mentions(text.bytes, $0) }) {
                self.environment = environment.filter { Self.mentions(text.bytes, $0.key) }
            } else {
                self.environment = [:]  // the usual: a command that reads no variable (no filtered copy made)
            }
        }

        /// `name` occurs somewhere in `text` (bytes: Foundation's `contains` bridged each call;
        /// the name's bytes read in place, not copied into an array).
        fileprivate static func mentions(_ text: [UInt8], _ name: String) -> Bool {
            name.utf8.withContiguousStorageIfAvailable { needle in mentions(text, needle) } ?? mentions(text, Array(name.utf8)[...])
        }

        private static func mentions<Needle: Collection<UInt8>>(_ text: [UInt8], _ needle: Needle) -> Bool where Needle.Index == Int {
            guard let first = needle.first else { return true }
            guard needle.count <= text.count else { return false }
            let start = needle.startIndex
            for offset in 0...(text.count - needle.count) where text[offset] == first {
                var index = 1
                while index < needle.count, text[offset + index] == needle[start + index] { index += 1 }
                if index == needle.count { return true }
            }
            return false
        }
    }

    /// A command line's text, searched for the variables it names; made once per command line
    /// (a CronJob starts the same command thousands of times; it was joined and scanned each time).
    fileprivate struct CommandText {
        let command: [String]?
        let args: [String]?
        let bytes: [UInt8]
        let readsAll: Bool

        init(command: [String]?, args: [String]?) {
            self.command = command
            self.args = args
            bytes = Array(((command ?? []) + (args ?? [])).joined(separator: " ").utf8)
            readsAll = command == nil || Key.mentions(bytes, "env") || Key.mentions(bytes, "hostname")
        }
    }

    private struct CommandLine: Hashable {
        let command: [String]?
        let args: [String]?
    }

    @exclusivity(unchecked) private var texts: [CommandLine: CommandText] = [:]

    /// The key for a container's run, its command line's text scanned once.
    func key(image: String, command: [String]?, args: [String]?, environment: [String: String]) -> Key {
        let line = CommandLine(command: command, args: args)
        let text: CommandText
        if let known = texts[line] {
            text = known
        } else {
            text = CommandText(command: command, args: args)
            if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
            texts[line] = text
        }
        return Key(image: image, text, environment: environment)
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
