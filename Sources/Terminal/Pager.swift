import Foundation

/// Shows long text through `$PAGER` (default `less -R`), as git and man do on a terminal.
public enum Pager {
    /// Pipes `text` to the pager; returns false when no pager could be started (the caller prints).
    public static func page(_ text: String, pagerCommand: String?) -> Bool {
        let command = (pagerCommand?.isEmpty == false ? pagerCommand! : "less -R")
        if command == "cat" { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }  // quit if one screen, keep colours
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
