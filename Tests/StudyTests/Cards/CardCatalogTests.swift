import Foundation
import Testing
@testable import Study

@Suite("Card catalog: the cards known between runs without parsing every note")
struct CardCatalogTests {
    static let files = [
        "workloads/pods.md": "---\ntitle: Pods\ntags: [pods]\naliases: [po]\n---\n# Pods\n\n> [!card] What runs containers? {#pod-what}\n>\n> A Pod.\n\n> [!cloze] The {{c1::kubelet}} runs on every {{c2::node}}. {#kubelet-where}\n",
        "workloads/jobs.md": "# Jobs\n\n> [!choice] Which retry? {#job-retry tags=batch}\n>\n> - [x] backoffLimit\n> - [ ] retries\n\n> [!card] No answer {#job-empty}\n",
        "services.md": "# Services\n\n> [!card] Duplicate? {#pod-what}\n>\n> Yes.\n\n> [!command] List services {#svc-list}\n>\n> ```kubectl\n> kubectl get svc\n> ```\n",
    ]

    @Test("The catalog holds what a full parse of the notes gives: the same cards in order, the same problems, the notes' names")
    func matchesDeck() throws {
        let content = try makeContent(Self.files)
        let cache = try temporaryDirectory().appendingPathComponent("cards.bin")
        let catalog = CardCatalog.load(directory: content, cache: cache)
        let deck = CardDeck(library: ContentLoader.load(directory: content))
        #expect(catalog.cards == deck.cards.map(CardSummary.init))
        #expect(catalog.problems == deck.problems)
        #expect(catalog.problems.contains { $0.message.hasPrefix("duplicate card id \"pod-what\"") })
        // Files in path order; the second "pod-what" (in pods.md) is the one left out.
        #expect(catalog.cards.map(\.id) == ["pod-what", "svc-list", "job-retry", "kubelet-where-c1", "kubelet-where-c2"])
        #expect(catalog.cards.first?.path == "Content/services.md")
        #expect(catalog.cards.first { $0.id == "job-retry" }?.tags == ["batch"])
        #expect(catalog.notes.lookup("po")?.slug == "pods")
        #expect(catalog.parsedFiles == 3)
    }

    @Test("A second load reads the cache and parses nothing; an edited file alone is parsed again and its change shows")
    func reusesCache() throws {
        let content = try makeContent(Self.files)
        let cache = try temporaryDirectory().appendingPathComponent("cards.bin")
        _ = CardCatalog.load(directory: content, cache: cache)
        let again = CardCatalog.load(directory: content, cache: cache)
        #expect(again.parsedFiles == 0)
        #expect(again.cards == CardCatalog.load(directory: content, cache: nil).cards)
        #expect(again.problems == CardCatalog.load(directory: content, cache: nil).problems)
        // Same size, new bytes: the hash notices what a size check would not.
        let jobs = content.appendingPathComponent("workloads/jobs.md")
        let edited = Self.files["workloads/jobs.md"]!.replacingOccurrences(of: "job-retry", with: "job-retri")
        try edited.write(to: jobs, atomically: true, encoding: .utf8)
        let afterEdit = CardCatalog.load(directory: content, cache: cache)
        #expect(afterEdit.parsedFiles == 1)
        #expect(afterEdit.cards.contains { $0.id == "job-retri" } && !afterEdit.cards.contains { $0.id == "job-retry" })
        try FileManager.default.removeItem(at: jobs)
        let afterDelete = CardCatalog.load(directory: content, cache: cache)
        #expect(afterDelete.parsedFiles == 0 && !afterDelete.cards.contains { $0.id == "job-retri" })
        #expect(CardCatalog.load(directory: content, cache: cache).cards == afterDelete.cards)
    }

    @Test("A cache that is truncated, foreign or made for another directory is ignored and replaced, never trusted")
    func badCache() throws {
        let content = try makeContent(Self.files)
        let cache = try temporaryDirectory().appendingPathComponent("cards.bin")
        let expected = CardCatalog.load(directory: content, cache: cache)
        let good = try Data(contentsOf: cache)
        for bad in [good.prefix(good.count / 2), Data("SQLite format 3\0".utf8), Data(), good + Data([1])] {
            try bad.write(to: cache)
            let catalog = CardCatalog.load(directory: content, cache: cache)
            #expect(catalog.parsedFiles == 3 && catalog.cards == expected.cards && catalog.problems == expected.problems)
            #expect(try Data(contentsOf: cache) == good)
        }
        let other = try makeContent(["a.md": "# A\n\n> [!card] Q {#a}\n>\n> A.\n"])
        try good.write(to: cache)
        let elsewhere = CardCatalog.load(directory: other, cache: cache)
        #expect(elsewhere.cards.map(\.id) == ["a"] && elsewhere.parsedFiles == 1)
    }

    @Test("Bodies come from the note file when asked, with the content of the file now")
    func bodiesOnDemand() throws {
        let content = try makeContent(Self.files)
        let catalog = CardCatalog.load(directory: content, cache: nil)
        let kubelet = try #require(catalog.cards.first { $0.id == "kubelet-where-c1" })
        let cards = catalog.cards(inFile: kubelet.path)
        #expect(cards.map(\.id) == ["pod-what", "kubelet-where-c1", "kubelet-where-c2"])
        guard case .basic(_, let answer)? = cards.first?.body else { Issue.record("pod-what is not a basic card"); return }
        #expect(answer.map(\.plainText).joined() == "A Pod.\n")
        #expect(catalog.cards(inFile: "Content/missing.md").isEmpty)
    }

    @Test("Cache files are per content directory inside the data directory's cache folder")
    func cacheLocation() throws {
        let data = URL(fileURLWithPath: "/data")
        let one = CardCatalog.cacheFile(in: data, for: URL(fileURLWithPath: "/notes/a"))
        let two = CardCatalog.cacheFile(in: data, for: URL(fileURLWithPath: "/notes/b"))
        #expect(one != two && one.deletingLastPathComponent().path == "/data/cache")
    }
}
