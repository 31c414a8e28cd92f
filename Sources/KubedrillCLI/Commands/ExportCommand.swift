import ArgumentParser
import Foundation
import Study

/// `export`: cards as an Anki-compatible tab-separated file (GUID = card id, tags column).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export cards as an Anki-compatible TSV file (GUID column = card id).",
        discussion: "In Anki: File › Import, choose the file; the header lines set the separator, GUID and tags columns.")

    @OptionGroup var global: GlobalOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Only cards with this tag (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only cards of this note.", valueName: "note"))
    var note: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let env = CommandEnvironment.current
        let library = env.library(at: try global.contentDirectory())
        let cards = try CardCommands.select(CardCommands.deck(library), library: library, tags: tag, note: note)
        let text = CardExport.tsv(cards: cards, library: library).text()
        guard let output else {
            env.out.write(text)
            return
        }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw UserError("\(output) exists; pass --force to replace it, or choose another name")
        }
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw UserError("cannot write \(output): \(error.localizedDescription)")
        }
        env.err.line("Exported \(cards.count) card\(cards.count == 1 ? "" : "s") to \(output).")
    }
}
