/// Finds the Kubernetes manifests written as fenced YAML blocks in a Markdown note, for content lint:
/// every such block goes through `ManifestValidator` with its line offset, so errors point into the note.
///
/// A block counts as a manifest when its info string is `yaml` or `yml` and it sets `apiVersion:` and
/// `kind:` at the top level; fragments (a lone `resources:` snippet) are not documents. A block whose
/// info string also says `invalid` (```` ```yaml invalid ````) shows a mistake on purpose and is skipped.
public enum MarkdownManifests {
    public struct Block: Sendable, Equatable {
        /// The YAML text, without the fences.
        public var text: String
        /// Lines before the block's first line in the note (pass as `lineOffset`).
        public var lineOffset: Int
    }

    public static func blocks(in markdown: String) -> [Block] {
        var blocks: [Block] = []
        var current: [Substring]?
        var startLine = 0
        var fence = ""
        var skip = false
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if var body = current {
                if trimmed.hasPrefix(fence), trimmed.drop(while: { $0 == "`" || $0 == "~" }).allSatisfy({ $0 == " " }) {
                    if !skip, isManifest(body) {
                        blocks.append(Block(text: body.joined(separator: "\n") + "\n", lineOffset: startLine))
                    }
                    current = nil
                } else {
                    body.append(line)
                    current = body
                }
                continue
            }
            guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else { continue }
            let marker = trimmed.prefix { $0 == "`" || $0 == "~" }
            let info = trimmed.dropFirst(marker.count).split(separator: " ").map { $0.lowercased() }
            fence = String(marker)
            current = []
            startLine = index + 1
            skip = !(info.first == "yaml" || info.first == "yml") || info.contains("invalid")
        }
        return blocks
    }

    static func isManifest(_ lines: [Substring]) -> Bool {
        lines.contains { $0.hasPrefix("apiVersion:") } && lines.contains { $0.hasPrefix("kind:") }
    }
}
