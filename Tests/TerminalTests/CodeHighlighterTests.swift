import Testing
@testable import Terminal

@Suite("Code colouring")
struct CodeHighlighterTests {
    /// Each line's spans as `look(text)`, plain spans as bare text.
    func looks(_ code: String, _ language: CodeHighlighter.Language) -> [[String]] {
        CodeHighlighter.highlight(code, language: language).map { line in
            line.map { span in
                switch span.attributes {
                case Theme.codeKey: return "key(\(span.text))"
                case Theme.codeString: return "string(\(span.text))"
                case Theme.codeNumber: return "number(\(span.text))"
                // Comments, prompts and punctuation all recede the same way: dim.
                case Theme.codeComment: return "dim(\(span.text))"
                case Theme.codeCommand: return "command(\(span.text))"
                case Theme.codeFlag: return "flag(\(span.text))"
                default: return span.text
                }
            }
        }
    }

    @Test("The first word of the info string names the language")
    func languageFromInfo() {
        #expect(CodeHighlighter.Language(info: "yaml fragment") == .yaml)
        #expect(CodeHighlighter.Language(info: "kubectl") == .shell)
        #expect(CodeHighlighter.Language(info: "console") == .console)
        #expect(CodeHighlighter.Language(info: "") == .none)
        #expect(CodeHighlighter.Language(info: "json") == .none)
    }

    @Test("YAML: keys, strings, numbers, booleans and comments")
    func yaml() {
        #expect(looks("replicas: 3 # three", .yaml) == [["key(replicas)", "dim(:)", " ", "number(3)", " ", "dim(# three)"]])
        #expect(looks("  - image: \"nginx:1.27\"", .yaml) == [["  ", "dim(-)", " ", "key(image)", "dim(:)", " ", "string(\"nginx:1.27\")"]])
        #expect(looks("enabled: true", .yaml) == [["key(enabled)", "dim(:)", " ", "number(true)"]])
        #expect(looks("url: http://x#y", .yaml) == [["key(url)", "dim(:)", " ", "http://x#y"]])
    }

    @Test("YAML: lines of a block scalar are text, not keys")
    func yamlBlockScalar() {
        let lines = looks("script: |\n  echo a: b\nnext: 1", .yaml)
        #expect(lines[1] == ["  echo a: b"])
        #expect(lines[2] == ["key(next)", "dim(:)", " ", "number(1)"])
    }

    @Test("Shell: command words after operators, flags, strings, comments, continuations")
    func shell() {
        #expect(looks("kubectl get po -o wide | grep 'a b' # note", .shell) == [[
            "command(kubectl)", " ", "get", " ", "po", " ", "flag(-o)", " ", "wide", " ", "dim(|)", " ",
            "command(grep)", " ", "string('a b')", " ", "dim(# note)"]])
        #expect(looks("A=1 kubectl apply \\\n  -f x.yaml", .shell) == [
            ["A=1", " ", "command(kubectl)", " ", "apply", " ", "\\"], ["  ", "flag(-f)", " ", "x.yaml"]])
    }

    @Test("Console: the prompt dimmed, output left alone")
    func console() {
        #expect(looks("$ kubectl get ns\nNAME   STATUS", .console) == [["dim($ )", "command(kubectl)", " ", "get", " ", "ns"], ["NAME   STATUS"]])
    }

    @Test("Highlighting never changes the text; tabs expand to 4-column stops")
    func textUnchanged() {
        let code = "a:\t'x # y'  # c\n\tkubectl\t-n x"
        for language in [CodeHighlighter.Language.yaml, .shell, .console, .none] {
            let text = CodeHighlighter.highlight(code, language: language).map { $0.map(\.text).joined() }
            #expect(text == ["a:  'x # y'  # c", "    kubectl -n x"])
        }
    }
}

@Suite("Cards and callouts")
struct CalloutTests {
    @Test("Cloze deletions show their answer, highlighted; hints are dropped")
    func cloze() {
        let spans = [TextSpan("The {{c1::scheduler::who?}} and {{c2::"), TextSpan("kubelet", Theme.inlineCode), TextSpan("}}.")]
        #expect(ClozeText.reveal(spans, color: false).map(\.text).joined() == "The [scheduler] and [kubelet].")
        let coloured = ClozeText.reveal(spans, color: true)
        #expect(coloured.map(\.text).joined() == "The scheduler and kubelet.")
        #expect(coloured.first { $0.text == "scheduler" }?.attributes == Theme.clozeAnswer)
        #expect(coloured.first { $0.text == "kubelet" }?.attributes == Theme.inlineCode.merged(with: Theme.clozeAnswer))
    }

    @Test("Text that only looks like a cloze is left alone")
    func notCloze() {
        #expect(ClozeText.reveal([TextSpan("{{c::x}} and {{ .Values }}")], color: false).map(\.text).joined() == "{{c::x}} and {{ .Values }}")
    }
}
