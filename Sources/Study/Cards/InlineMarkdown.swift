import Markdown

/// Rebuilds inline markdown text from cmark's inline nodes: what a card's options, cloze text and
/// exported fields are made of. Reading the AST (not the raw file) means `>` prefixes, escapes and
/// line wrapping never leak into card text.
public enum InlineMarkdown {
    public static func text(of nodes: [MarkdownNode]) -> String {
        var out = ""
        for node in nodes { append(node, to: &out) }
        return out
    }

    private static func append(_ node: MarkdownNode, to out: inout String) {
        switch node.kind {
        case .text(let text): out += text
        case .softBreak: out += " "
        case .lineBreak: out += "  \n"
        case .code(let code):
            let fence = code.contains("`") ? "``" : "`"
            let pad = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
            out += fence + pad + code + pad + fence
        case .htmlInline(let html): out += html
        case .emphasis: out += "*" + text(of: node.children) + "*"
        case .strong: out += "**" + text(of: node.children) + "**"
        case .strikethrough: out += "~~" + text(of: node.children) + "~~"
        case .link(let destination, _): out += "[" + text(of: node.children) + "](" + destination + ")"
        case .image(let source, _): out += "![" + text(of: node.children) + "](" + source + ")"
        case .wikiLink(let target, let label): out += "[[" + target + (label.map { "|" + $0 } ?? "") + "]]"
        case .paragraph:
            if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
            out += text(of: node.children)
        default:
            for child in node.children { append(child, to: &out) }
        }
    }
}
