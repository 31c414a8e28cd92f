import Markdown

/// Bullet, ordered and task lists with hanging indents.
///
/// Bullets change with depth (`•`, `◦`, `▪`, then again); numbers are right-aligned so `9.` and
/// `10.` line up their text. A task item's box replaces the bullet: `☐`/`☑` with colour, `[ ]`/`[x]`
/// in plain text. Tight lists keep items on consecutive lines; loose ones separate them.
struct ListRenderer {
    var blocks: BlockRenderer

    static let bullets = ["•", "◦", "▪"]

    func lines(for list: MarkdownNode, ordered: Bool, start: Int, tight: Bool, width: Int) -> [StyledLine] {
        let items = list.children
        let lastNumber = start + max(items.count - 1, 0)
        let numberWidth = max(String(start).count, String(lastNumber).count)
        var inner = blocks
        inner.listDepth += 1
        var out: [StyledLine] = []
        for (index, item) in items.enumerated() {
            var marker = StyledLine()
            if ordered {
                let number = String(start + index) + "."
                marker.append(String(repeating: " ", count: max(numberWidth - (number.count - 1), 0)))
                marker.append(number, Theme.listMarker)
                marker.append(" ")
            }
            let (task, item) = Self.task(of: item)
            if let task {
                marker += taskBox(isDone: task)
            } else if !ordered {
                marker.append(Self.bullets[blocks.listDepth % Self.bullets.count], Theme.listMarker)
                marker.append(" ")
            }
            let indent = StyledLine(String(repeating: " ", count: marker.width))
            let body = inner.lines(for: item.children, width: width - marker.width, tight: tight)
            if !out.isEmpty && !tight { out.append(StyledLine()) }
            out += BlockRenderer.prefix(body, first: marker, rest: indent)
        }
        return out
    }

    /// Whether `item` is a task and whether it is done (the Markdown module gives every task item,
    /// in or out of block quotes, the `.item(task:)` shape).
    static func task(of item: MarkdownNode) -> (isDone: Bool?, item: MarkdownNode) {
        if case .item(let task?) = item.kind { return (task, item) }
        return (nil, item)
    }

    private func taskBox(isDone: Bool) -> StyledLine {
        if blocks.options.color {
            return isDone ? StyledLine("☑", Theme.taskDone) + " " : StyledLine("☐", Theme.taskOpen) + " "
        }
        return StyledLine(isDone ? "[x] " : "[ ] ")
    }
}
