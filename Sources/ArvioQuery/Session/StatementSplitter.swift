/// One complete statement (or meta-command line) cut from a longer text, with where it starts.
public struct StatementSource: Sendable, Hashable {
    /// The statement's text, possibly several lines.
    public var text: String
    /// The line of the whole text on which it starts (counting from the `firstLine` given).
    public var firstLine: Int
    /// Whether this is a shell meta-command (a line starting with `.`), which the shell runs.
    public var isMetaCommand: Bool

    /// Creates a statement source.
    public init(text: String, firstLine: Int, isMetaCommand: Bool) {
        self.text = text
        self.firstLine = firstLine
        self.isMetaCommand = isMetaCommand
    }
}

/// Cuts text into statements the way the language reads it: a statement ends at the end of a
/// line unless the line ends with `|` or a bracket is still open. Blank lines and comments
/// between statements are dropped; lines starting with `.` are meta-commands.
public enum StatementSplitter {
    /// The statements and meta-command lines of `source`, in order.
    public static func split(_ source: String, firstLine: Int = 1) -> [StatementSource] {
        var result: [StatementSource] = []
        var pending: [Substring] = []
        var pendingStart = firstLine
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let number = firstLine + offset
            if pending.isEmpty {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.hasPrefix(".") {
                    result.append(StatementSource(text: String(trimmed), firstLine: number, isMetaCommand: true))
                    continue
                }
                if Scanner.tolerantTokens(in: String(line)).allSatisfy({ $0.kind == .newline }) { continue }
                pendingStart = number
            }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            if !isIncomplete(text) {
                result.append(StatementSource(text: text, firstLine: pendingStart, isMetaCommand: false))
                pending = []
            }
        }
        if !pending.isEmpty {
            result.append(StatementSource(text: pending.joined(separator: "\n"), firstLine: pendingStart, isMetaCommand: false))
        }
        return result
    }

    /// Whether `text` needs more lines: it ends with `|` or leaves a bracket open. The shell
    /// shows its continuation prompt while this is true.
    public static func isIncomplete(_ text: String) -> Bool {
        let tokens = Scanner.tolerantTokens(in: text).filter { $0.kind != .newline }
        var depth = 0
        for token in tokens where token.kind == .symbol {
            switch token.text {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default: break
            }
        }
        return depth > 0 || tokens.last?.isSymbol("|") == true
    }
}
