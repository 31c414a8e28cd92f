/// The looks of rendered markdown, in one place so every part of the renderer agrees.
///
/// Colour is only ever emphasis: each construct also reads correctly as plain text (rules under
/// headings, backticks around code, `→` before note links), because the same layout is printed
/// without escapes for pipes and `NO_COLOR`.
enum Theme {
    static let heading1 = TextAttributes(isBold: true, color: .cyan)
    static let heading2 = TextAttributes(isBold: true, color: .cyan)
    static let heading = TextAttributes.bold
    static let rule = TextAttributes.dim
    static let emphasis = TextAttributes(isItalic: true)
    static let strong = TextAttributes.bold
    static let strikethrough = TextAttributes(isStruck: true)
    static let inlineCode = TextAttributes(color: .yellow)
    static let link = TextAttributes(isUnderlined: true, color: .blue)
    static let linkDestination = TextAttributes.dim
    static let wikiLink = TextAttributes(isUnderlined: true, color: .cyan)
    static let brokenWikiLink = TextAttributes(color: .red)
    static let html = TextAttributes.dim
    static let gutter = TextAttributes.dim
    static let listMarker = TextAttributes(color: .cyan)
    static let taskDone = TextAttributes(color: .green)
    static let taskOpen = TextAttributes.plain
    static let tableBorder = TextAttributes.dim
    static let tableHeader = TextAttributes.bold
    static let clozeAnswer = TextAttributes(isBold: true, color: .yellow)
    static let rightChoice = TextAttributes(color: .green)
    static let wrongChoice = TextAttributes(color: .red)

    /// Code colouring (see `CodeHighlighter`).
    static let codeKey = TextAttributes(color: .cyan)
    static let codeString = TextAttributes(color: .green)
    static let codeNumber = TextAttributes(color: .magenta)
    static let codeComment = TextAttributes(isDim: true)
    static let codeCommand = TextAttributes(isBold: true)
    static let codeFlag = TextAttributes(color: .yellow)
    static let codePrompt = TextAttributes(isDim: true)
    static let codePunctuation = TextAttributes(isDim: true)
}
