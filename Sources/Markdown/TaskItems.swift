/// Task-list items the tasklist extension missed.
///
/// cmark-gfm 0.29.0.gfm.6 (Debian's libcmark-gfm) does not apply its tasklist extension to lists
/// inside block quotes, where `[!choice]` cards keep their options: there `- [x] OnFailure` arrives
/// as a plain item whose paragraph text starts with "[x] ". This pass gives such items the same
/// shape cmark gives top-level ones, so every reader of the tree sees one form.
enum TaskItems {
    /// The node itself fixed when it is such an item; its children are already resolved.
    static func resolve(_ node: MarkdownNode) -> MarkdownNode {
        var node = node
        guard case .item(nil) = node.kind,
              let paragraph = node.children.first, paragraph.kind == .paragraph,
              let lead = paragraph.children.first, case .text(let text) = lead.kind else { return node }
        let isChecked: Bool
        if text.hasPrefix("[ ] ") || text == "[ ]" { isChecked = false }
        else if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") || text == "[x]" || text == "[X]" { isChecked = true }
        else { return node }
        let rest = String(text.dropFirst(3).drop { $0 == " " })
        node.kind = .item(task: isChecked)
        if rest.isEmpty {
            node.children[0].children.removeFirst()
        } else {
            node.children[0].children[0].kind = .text(rest)
            node.children[0].children[0].start.column += text.count - rest.count
        }
        return node
    }
}
