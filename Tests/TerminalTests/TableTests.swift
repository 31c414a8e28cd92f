import Markdown
import Testing
@testable import Terminal

@Suite("Tables")
struct TableTests {
    @Test("Columns: kubectl layout, upper-case header, three-space gaps, no trailing spaces")
    func kubectlColumns() {
        let text = Table.columns(header: ["name", "ready", "status"],
                                 rows: [["web-1", "1/1", "Running"], ["db-0", "0/1", ""]])
        #expect(text == """
            NAME    READY   STATUS
            web-1   1/1     Running
            db-0    0/1

            """)
    }

    @Test("Columns are measured by display width: wide characters and escapes")
    func columnsByDisplayWidth() {
        let green = Style(enabled: true).ok("ok")
        let text = Table.columns(header: ["a", "b"], rows: [["日本", "x"], [green, "y"]])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "日本   x")
        #expect(lines[2] == green + "     y")
    }

    @Test("Columns: short rows get empty cells, newlines in cells become spaces, no header means no rows drawn for it")
    func columnsOddInput() {
        #expect(Table.columns(header: ["a", "b"], rows: [["1"]]) == "A   B\n1\n")
        #expect(Table.columns(header: ["a"], rows: [["x\ny"]]) == "A\nx y\n")
        #expect(Table.columns(header: [], rows: []) == "")
    }

    @Test("Boxed: exactly fills a width it cannot fit, wrapping the widest column at word boundaries")
    func boxedShrinks() {
        let text = Table.boxed(header: ["key", "meaning"],
                               rows: [["maxSurge", "pods above the desired count during a rollout"]], width: 30)
        #expect(text == """
            ┌──────────┬─────────────────┐
            │ key      │ meaning         │
            ╞══════════╪═════════════════╡
            │ maxSurge │ pods above the  │
            │          │ desired count   │
            │          │ during a        │
            │          │ rollout         │
            └──────────┴─────────────────┘

            """)
    }

    @Test("Boxed: right and centre alignment; a header-only table; colour only bolds the header and dims borders")
    func boxedAlignment() {
        let text = Table.boxed(header: ["n", "c"], rows: [["1", "x"], ["100", "yyy"]], alignments: [.right, .center], width: 80)
        #expect(text.contains("│   1 │  x  │"))
        #expect(Table.boxed(header: ["only"], rows: [], width: 80) == "┌──────┐\n│ only │\n└──────┘\n")
        let coloured = Table.boxed(header: ["h"], rows: [["v"]], width: 80, style: Style(enabled: true))
        #expect(coloured.contains("\u{1B}[1mh\u{1B}[0m"))
        #expect(Table.boxed(header: [], rows: [], width: 80) == "")
    }

    @Test("Fitting keeps natural widths when they fit, shrinks the widest first, keeps whole words while it can")
    func fitting() {
        #expect(ColumnFitting.fit(natural: [5, 10], floors: [5, 3], available: 20) == [5, 10])
        #expect(ColumnFitting.fit(natural: [30, 10, 4], floors: [5, 5, 4], available: 30) == [16, 10, 4])
        #expect(ColumnFitting.fit(natural: [30, 9, 4], floors: [5, 5, 4], available: 30) == [17, 9, 4])
        #expect(ColumnFitting.fit(natural: [30, 30], floors: [10, 10], available: 30) == [15, 15])
        #expect(ColumnFitting.fit(natural: [20, 20], floors: [20, 20], available: 10) == [5, 5])
        #expect(ColumnFitting.fit(natural: [20, 20], floors: [20, 20], available: -4) == [1, 1])
    }

    @Test("A markdown table at a width too small for its borders still draws, one column per cell")
    func tinyWidth() {
        let document = MarkdownParser.parse("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n")
        let text = MarkdownRenderer.render(document, options: RenderOptions(color: false, width: 0))
        #expect(text.hasPrefix("┌───┬───┬───┐"))
    }
}
