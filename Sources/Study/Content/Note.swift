import Markdown

/// One markdown file of `Content/`: a topic with its explanation and, later, its cards.
public struct Note: Sendable {
    /// File name without `.md`, lower-cased: the stable handle (`show pods`).
    public var slug: String
    public var title: String
    /// Grouping for `notes`: front matter `topic`, else the folder name.
    public var topic: String
    public var tags: [String]
    /// Other names that `[[links]]` and `show` accept.
    public var aliases: [String]
    /// Path as given to the loader's user: relative to the content directory's parent when possible.
    public var path: String
    /// The body after front matter, parsed; line numbers are those of the file.
    public var document: MarkdownNode
    /// Raw file lines, for search snippets and `edit`.
    public var lines: [String]

    public init(slug: String, title: String, topic: String, tags: [String], aliases: [String], path: String,
                document: MarkdownNode, lines: [String]) {
        self.slug = slug
        self.title = title
        self.topic = topic
        self.tags = tags
        self.aliases = aliases
        self.path = path
        self.document = document
        self.lines = lines
    }

    /// The `[[wiki links]]` of the note with their positions.
    public var wikiLinks: [(target: String, label: String?, position: SourcePosition)] {
        var links: [(String, String?, SourcePosition)] = []
        document.walk { node in
            if case .wikiLink(let target, let label) = node.kind { links.append((target, label, node.start)) }
        }
        return links
    }
}

extension Note: NoteNaming {}
