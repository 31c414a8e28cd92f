import ArgumentParser
import Foundation
import KubeModel
import KubeSim

/// `edit deploy/web`: the object as YAML in `$EDITOR`; what is saved replaces it, checked as the
/// API server checks it (kubectl edit, v1.33: an invalid edit reopens the file with the errors
/// on top; saving it unchanged then gives up and keeps a copy).
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Edit an object in $EDITOR and save it back (kubectl edit).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Argument(help: ArgumentHelp("The object: deploy/web or deploy web.", valueName: "kind/name"))
    var words: [String] = []

    static let header = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #

        """

    func run() throws {
        let env = CommandEnvironment.current
        let target = try SimSession.single(words, namespace: namespaces.current)
        let original = try SimSession.with(global, mutating: false) { cluster -> String in
            guard let live = cluster.get(target.key) else { throw APIError.notFound(target.key) }
            return YAMLText.render(try live.jsonValue())
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-edit-\(UUID().uuidString.prefix(8)).yaml")
        var shown = original
        var errors: [String] = []
        while true {
            let comments = errors.isEmpty ? "" : "# \(target.kind.qualified) \"\(target.key.name)\" was not valid:\n"
                + errors.map { "# * \($0)\n" }.joined() + "#\n"
            try (Self.header + comments + shown).write(to: file, atomically: true, encoding: .utf8)
            guard ExternalEditor.open(file, env: env) else { throw ExitCode(1) }
            let saved = Self.uncommented((try? String(contentsOf: file, encoding: .utf8)) ?? "")
            if saved.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                env.out.line("Edit cancelled, saved file was empty.")
                return
            }
            if saved == original {
                env.out.line("Edit cancelled, no changes made.")
                return
            }
            if !errors.isEmpty && saved == shown {
                throw UserError("A copy of your changes has been stored to \"\(file.path)\"\nerror: Edit cancelled, no valid changes were saved.")
            }
            shown = saved
            errors = []
            do {
                guard let edited = try ManifestInput.objects(fromYAML: saved, file: file.path).first?.object else {
                    errors = ["the file holds no object"]
                    continue
                }
                guard edited.kind == target.key.kind, edited.meta.name == target.key.name,
                      (edited.meta.namespace ?? target.key.namespace) == target.key.namespace else {
                    errors = ["At least one of apiVersion, kind and name was changed"]
                    continue
                }
                try SimSession.with(global, mutating: true) { cluster in _ = try cluster.replace(edited) }
                try? FileManager.default.removeItem(at: file)
                env.out.line("\(SimSession.displayName(target.kind, target.key.name)) edited")
                return
            } catch let rejection as ManifestRejection {
                errors = rejection.problems.map { ($0.path.isEmpty ? "" : $0.path + ": ") + $0.message }
            } catch let error as UserError {
                errors = [error.description]
            }
        }
    }

    /// The file without its `#` comment lines, as kubectl reads it back.
    static func uncommented(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            .drop { $0 == "\n" })
    }
}
