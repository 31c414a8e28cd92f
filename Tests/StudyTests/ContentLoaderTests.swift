import Foundation
import Testing
@testable import Study

/// Writes a throwaway content directory for one test.
func makeContent(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kd-content-\(UUID().uuidString)")
    let content = root.appendingPathComponent("Content")
    for (path, text) in files {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    return content
}

@Suite("Loading notes from Content/")
struct ContentLoaderTests {
    @Test("Title, topic, tags and aliases come from front matter; the folder names the topic otherwise")
    func frontMatter() throws {
        let dir = try makeContent([
            "workloads/pods.md": "---\ntitle: Pods\ntags: [pods, ckad/design-build]\naliases: [pod, po]\n---\n\n# Pods\n\nText.\n",
            "workloads/deployments.md": "# Deployments\n\nSee [[pods]].\n",
        ])
        let library = ContentLoader.load(directory: dir)
        #expect(library.problems.isEmpty)
        let pods = try #require(library.note(named: "po"))
        #expect(pods.title == "Pods" && pods.topic == "Workloads" && pods.tags == ["pods", "ckad/design-build"])
        #expect(pods.path == "Content/workloads/pods.md")
        #expect(library.note(named: "Deployments")?.slug == "deployments")
        // Body lines keep their file numbers although front matter was cut before parsing.
        #expect(pods.document.children.first?.start.line == 7)
    }

    @Test("A broken wiki link is reported at its file, line and column with a suggestion")
    func brokenLink() throws {
        let dir = try makeContent([
            "deployments.md": "# Deployments\n\nRelated: [[ReplicaSet]] and [[Nothing Here]].\n",
            "replicasets.md": "# ReplicaSets\n",
        ])
        let messages = ContentLoader.load(directory: dir).problems.map(\.description)
        #expect(messages == [
            "Content/deployments.md:3:10: error: broken wiki link [[ReplicaSet]]: no note has that title, name or alias (did you mean [[ReplicaSets]]?)",
            "Content/deployments.md:3:29: error: broken wiki link [[Nothing Here]]: no note has that title, name or alias",
        ])
    }

    @Test("Bad front matter is reported on its line and the note still loads")
    func badFrontMatter() throws {
        let dir = try makeContent([
            "a.md": "---\ntitle: A\ntagz: [x]\n---\n# A\n",
            "b.md": "---\ntitle: [unclosed\n---\n# B\n",
            "c.md": "---\ntitle: C\n# never closed\n",
        ])
        let library = ContentLoader.load(directory: dir)
        let messages = library.problems.map(\.description)
        #expect(messages.contains("Content/a.md:3:1: error: unknown front matter key \"tagz\" (did you mean \"tags\"?)"))
        #expect(messages.contains { $0.hasPrefix("Content/b.md:3: error: bad front matter:") })
        #expect(messages.contains("Content/c.md:1: error: front matter opened with '---' is never closed"))
        #expect(library.notes.map(\.slug).sorted() == ["a", "b", "c"])
    }

    @Test("An unreadable or non-UTF-8 file is a problem, not a crash, and other notes load")
    func unreadableFiles() throws {
        let dir = try makeContent(["ok.md": "# OK\n"])
        try Data([0x23, 0x20, 0xFF, 0xFE]).write(to: dir.appendingPathComponent("latin.md"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.md").path,
                                                   withDestinationPath: "/nonexistent/file.md")
        let library = ContentLoader.load(directory: dir)
        #expect(library.notes.map(\.slug) == ["ok"])
        let messages = library.problems.map(\.description)
        #expect(messages.contains("Content/latin.md:1: error: file is not valid UTF-8"))
        #expect(messages.contains { $0.hasPrefix("Content/dangling.md:1: error: cannot read file") })
    }

    @Test("Upper-case files document the content and are not notes")
    func documentationFiles() throws {
        let dir = try makeContent(["README.md": "# How to write", "ERRATA.md": "# Errata", "pods.md": "# Pods"])
        #expect(ContentLoader.load(directory: dir).notes.map(\.slug) == ["pods"])
    }

    @Test("Two notes with the same file name in different folders are reported")
    func duplicateNames() throws {
        let dir = try makeContent(["a/pods.md": "# Pods", "b/pods.md": "# Pods again"])
        #expect(ContentLoader.load(directory: dir).problems.map(\.description)
                == ["Content/b/pods.md:1: error: note name \"pods\" is also used by Content/a/pods.md"])
    }

    @Test("Users may type a unique prefix; links must name a note exactly")
    func lookup() throws {
        let dir = try makeContent(["deployments.md": "# Deployments", "daemonsets.md": "# DaemonSets"])
        let library = ContentLoader.load(directory: dir)
        #expect(library.lookup("depl")?.slug == "deployments")
        #expect(library.lookup("d") == nil)  // ambiguous
        #expect(library.note(named: "depl") == nil)
    }
}

@Suite("Search over notes")
struct NoteSearchTests {
    @Test("Every word must occur; prefixes match longer words; titles rank first")
    func ranking() throws {
        let dir = try makeContent([
            "probes.md": "# Probes\n\nA liveness probe restarts a container.\n\nA readiness probe gates traffic.\n",
            "pods.md": "# Pods\n\nPods may define probes for each container.\n",
            "services.md": "# Services\n\nServices route traffic to ready pods.\n",
        ])
        let library = ContentLoader.load(directory: dir)
        let hits = NoteSearch.search("probe", in: library.notes)
        #expect(hits.map(\.note.slug) == ["probes", "pods"])
        #expect(hits[0].lines.map(\.number) == [1, 3, 5])
        #expect(NoteSearch.search("probe traffic", in: library.notes).map(\.note.slug) == ["probes"])
        #expect(NoteSearch.search("etcd", in: library.notes).isEmpty)
    }
}
