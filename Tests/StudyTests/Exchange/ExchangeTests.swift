import Foundation
import Testing
@testable import Study

let richNote = """
    ---
    title: Services
    tags: [services, ckad/networking]
    ---
    # Services

    > [!card] What does a Service give a set of pods? {#svc-purpose tags=basics}
    >
    > - a stable virtual IP ("ClusterIP")
    > - a DNS name: `web.default.svc`
    >
    > | type | reachable from |
    > | --- | --- |
    > | ClusterIP | inside the cluster |

    > [!card] Why does this Service select no pods? {#svc-no-endpoints}
    >
    > ```yaml fragment
    > selector: {app: Web}
    > ```
    >
    > ---
    >
    > Label values are case-sensitive:	the pods say `app: web`.

    > [!choice] Which types expose a port on every node? {#svc-nodeport}
    >
    > - [ ] ClusterIP
    > - [x] NodePort
    > - [x] LoadBalancer

    > [!cloze] A Service finds its pods by {{c1::label selector}}. {#svc-selector}

    > [!command] List the endpoints of Service `web`. {#svc-endpoints}
    >
    > ```kubectl
    > kubectl get endpoints web
    > ```
    """

func loadLibrary(_ files: [String: String]) throws -> ContentLibrary {
    let root = try temporaryDirectory().appendingPathComponent("Content")
    for (name, text) in files {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return ContentLoader.load(directory: root)
}

@Suite("Anki export and import")
struct ExchangeTests {
    @Test("Export writes Anki's headers, the card id as GUID, quoted multi-line fields and the tags column")
    func export() throws {
        let library = try loadLibrary(["networking/services.md": richNote])
        let deck = CardDeck(library: library)
        #expect(deck.problems.isEmpty)
        let tsv = CardExport.tsv(cards: deck.cards, library: library)
        let text = tsv.text()
        #expect(text.hasPrefix("#separator:tab\n#html:false\n#guid column:1\n#tags column:4\n"))
        let first = try #require(tsv.rows.first)
        #expect(first.guid == "svc-purpose")
        #expect(first.front == "What does a Service give a set of pods?")
        #expect(first.back.hasPrefix("- a stable virtual IP (\"ClusterIP\")\n- a DNS name: `web.default.svc`\n\n| type |"))
        #expect(first.tags == ["services", "ckad/networking", "basics"])
        #expect(tsv.rows.map(\.guid) == ["svc-purpose", "svc-no-endpoints", "svc-nodeport", "svc-selector-c1", "svc-endpoints"])
        #expect(tsv.rows[1].front == "Why does this Service select no pods?\n\n```yaml fragment\nselector: {app: Web}\n```")
        #expect(text.contains("\t\"- a stable virtual IP (\"\"ClusterIP\"\")"))
        #expect(try AnkiTSV.parse(text, file: "x.tsv") == tsv)
    }

    @Test("Export, import into a note, and export again give the same file")
    func roundTrip() throws {
        let library = try loadLibrary(["networking/services.md": richNote])
        let first = CardExport.tsv(cards: CardDeck(library: library).cards, library: library).text()
        let imported = CardImport.note(from: try AnkiTSV.parse(first, file: "deck.tsv"), title: "Imported", existingIds: [])
        #expect(imported.skipped.isEmpty)
        #expect(imported.imported.count == 5)
        let again = try loadLibrary(["imported/deck.md": imported.markdown])
        let deck = CardDeck(library: again)
        #expect(deck.problems.isEmpty)
        #expect(CardExport.tsv(cards: deck.cards, library: again).text() == first)
    }

    @Test("Anki's own HTML export is read: GUIDs become valid ids, HTML becomes text, taken ids are skipped")
    func ankiFile() throws {
        let anki = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\nQm9#x\tBasic\tWhat is a <b>Pod</b>?\tThe smallest unit<br>of scheduling &amp; more\tpods cka\nsvc-purpose\tBasic\tDup?\tx\t\n"
        let tsv = try AnkiTSV.parse(anki, file: "anki.txt")
        #expect(tsv.rows.first?.front == "What is a Pod?")
        #expect(tsv.rows.first?.tags == ["pods", "cka"])
        let ours = "#separator:tab\n#html:true\n#guid column:1\n#tags column:4\nQm9#x\tWhat is a <b>Pod</b>?\tThe smallest unit<br>of scheduling &amp; more\tpods cka\nsvc-purpose\tDup?\tx\t\n"
        let rows = try AnkiTSV.parse(ours, file: "anki.txt").rows
        #expect(rows.first == AnkiTSV.Row(guid: "Qm9#x", front: "What is a Pod?", back: "The smallest unit\nof scheduling & more", tags: ["pods", "cka"]))
        let result = CardImport.note(from: AnkiTSV(rows: rows), title: "Anki", existingIds: ["svc-purpose"])
        #expect(result.imported == ["anki-qm9x"])
        #expect(result.skipped.map(\.id) == ["svc-purpose"])
        #expect(result.markdown.contains("> [!card] What is a Pod? {#anki-qm9x tags=pods,cka}\n>\n> The smallest unit\n> of scheduling & more\n"))
        #expect(throws: ExchangeError.self) { try AnkiTSV.parse("a\t\"open\tb\n", file: "bad.tsv") }
    }
}
