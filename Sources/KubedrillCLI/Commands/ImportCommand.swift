import ArgumentParser
import Foundation
import Study

/// `import`: an Anki TSV file (ours or Anki's "Notes in Plain Text") becomes a note of `[!card]`s.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cards from an Anki TSV file into a new note.",
        discussion: "The note is written to <content>/imported/<file name>.md unless --into says otherwise; an existing file is never overwritten, and rows whose id is already used are skipped.")

    @Argument(help: ArgumentHelp("The TSV file to read.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The note file to create.", valueName: "path"))
    var into: String?

    @Option(name: .long, help: ArgumentHelp("Title of the new note (default: from the file name).", valueName: "title"))
    var title: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = CommandEnvironment.current
        let source = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: source.path), let text = String(data: data, encoding: .utf8) else {
            throw UserError("cannot read \(file) as UTF-8 text")
        }
        let tsv: AnkiTSV
        do { tsv = try AnkiTSV.parse(text, file: file) } catch let error as ExchangeError { throw UserError(error.description) }
        let contentDirectory = try global.contentDirectory()
        let library = env.library(at: contentDirectory)
        let name = source.deletingPathExtension().lastPathComponent
        let target = into.map { URL(fileURLWithPath: $0) }
            ?? contentDirectory.appendingPathComponent("imported").appendingPathComponent(name.lowercased() + ".md")
        if FileManager.default.fileExists(atPath: target.path) {
            throw UserError("\(target.path) exists; choose another file with --into (nothing was written)")
        }
        let existing = Set(CardCommands.deck(library).cards.map { $0.id.replacingOccurrences(of: #"-c\d+$"#, with: "", options: .regularExpression) })
            .union(CardCommands.deck(library).cards.map(\.id))
        let result = CardImport.note(from: tsv, title: title ?? name.replacingOccurrences(of: "-", with: " ").capitalized, existingIds: existing)
        for (id, reason) in result.skipped { env.err.line("\(file): skipped \(id): \(reason)") }
        guard !result.imported.isEmpty else { throw UserError("no card imported from \(file)") }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try result.markdown.write(to: target, atomically: true, encoding: .utf8)
        } catch {
            throw UserError("cannot write \(target.path): \(error.localizedDescription)")
        }
        env.forgetLibraries()
        env.out.line("Imported \(result.imported.count) card\(result.imported.count == 1 ? "" : "s") into \(target.path).")
    }
}
