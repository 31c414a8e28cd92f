import Testing
@testable import Markdown

@Suite("Markdown parsing through cmark-gfm")
struct MarkdownParserTests {
    @Test("Headings, paragraphs and source lines come from cmark, offset by the cut front matter")
    func positions() {
        let document = MarkdownParser.parse("# Pods\n\nA pod is the smallest unit.\n", lineOffset: 4)
        #expect(document.children.count == 2)
        #expect(document.children[0].kind == .heading(level: 1))
        #expect(document.children[0].start.line == 5)
        #expect(document.children[1].start.line == 7)
        #expect(document.children[1].plainText == "A pod is the smallest unit.\n")
    }

    @Test("The table extension gives rows, cells and column alignments")
    func tables() throws {
        let document = MarkdownParser.parse("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        let table = try #require(document.children.first)
        #expect(table.kind == .table(alignments: [.left, .right]))
        #expect(table.children.count == 2)
        #expect(table.children[0].kind == .tableRow(isHeader: true))
        #expect(table.children[1].children.map(\.plainText) == ["1", "2"])
    }

    @Test("The tasklist extension marks ticked and unticked items")
    func taskList() throws {
        let document = MarkdownParser.parse("- [x] OnFailure\n- [ ] Always\n- plain\n")
        let list = try #require(document.children.first)
        #expect(list.children.map(\.kind) == [.item(task: true), .item(task: false), .item(task: nil)])
    }

    @Test("Strikethrough and autolinks are attached extensions")
    func strikethroughAndAutolink() throws {
        let document = MarkdownParser.parse("~~PodSecurityPolicy~~ see https://kubernetes.io\n")
        let paragraph = try #require(document.children.first)
        #expect(paragraph.children.first?.kind == .strikethrough)
        #expect(paragraph.children.contains { if case .link(let url, _) = $0.kind { return url == "https://kubernetes.io" } else { return false } })
    }

    @Test("[[Wiki links]] become link nodes with target, label and column")
    func wikiLinks() throws {
        let document = MarkdownParser.parse("See [[Deployments]] and [[Services|a Service]].\n")
        let paragraph = try #require(document.children.first)
        let links = paragraph.children.compactMap { node -> (String, String?, Int)? in
            if case .wikiLink(let target, let label) = node.kind { return (target, label, node.start.column) }
            return nil
        }
        #expect(links.count == 2)
        #expect(links[0].0 == "Deployments" && links[0].1 == nil && links[0].2 == 5)
        #expect(links[1].0 == "Services" && links[1].1 == "a Service")
        #expect(paragraph.plainText == "See Deployments and a Service.\n")
    }

    @Test("Wiki-link syntax inside code is left alone")
    func wikiLinksNotInCode() {
        let document = MarkdownParser.parse("`[[not a link]]`\n\n```\n[[nor this]]\n```\n")
        var found = false
        document.walk { if case .wikiLink = $0.kind { found = true } }
        #expect(!found)
    }

    @Test("Code blocks keep their info string and literal")
    func codeBlocks() {
        let document = MarkdownParser.parse("```yaml fragment\nkind: Pod\n```\n")
        #expect(document.children.first?.kind == .codeBlock(info: "yaml fragment", literal: "kind: Pod\n"))
    }
}

@Suite("Task items inside block quotes")
struct TaskItemsInQuotesTests {
    @Test("cmark-gfm misses `- [x]` inside a block quote; the parser gives those items the task shape too")
    func quotedTaskList() throws {
        let document = MarkdownParser.parse("> [!choice] Q {#q}\n>\n> - [x] OnFailure\n> - [ ] Always\n> - plain\n")
        let list = try #require(document.children.first?.children.first { if case .list = $0.kind { return true } else { return false } })
        #expect(list.children.map(\.kind) == [.item(task: true), .item(task: false), .item(task: nil)])
        #expect(list.children.map(\.plainText) == ["OnFailure\n", "Always\n", "plain\n"])
    }
}
