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
        var assembler = StatementAssembler()
        var units: [StatementAssembler.Unit] = []
        // "\r\n" is one Character, so both line ends are split on explicitly.
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, line) in lines.enumerated() {
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if let unit = assembler.feed(text, number: firstLine + offset) { units.append(unit) }
        }
        if let last = assembler.finish() { units.append(last) }
        return units.map { unit in
            switch unit {
            case .meta(let text, let line):
                StatementSource(text: String(text.drop(while: { $0 == " " || $0 == "\t" })), firstLine: line, isMetaCommand: true)
            case .statement(let text, let line):
                StatementSource(text: text, firstLine: line, isMetaCommand: false)
            }
        }
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
