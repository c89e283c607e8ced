import ArvioQuery

/// Gathers input lines into whole units: a meta-command is one line starting with a dot; a
/// statement runs on over lines while it is unfinished (a line ending in `|`, an open bracket
/// or string). The shell, scripts, standard input and notebooks all read through it.
struct StatementAssembler {
    /// A complete piece of input.
    enum Unit: Equatable {
        /// A meta-command line and its line number.
        case meta(String, line: Int)
        /// A statement's text and the line it starts on.
        case statement(String, firstLine: Int)
    }

    private var pending: [String] = []
    private var start = 0

    /// Whether a statement has begun and awaits more lines.
    var isInsideStatement: Bool { !pending.isEmpty }

    /// The unfinished statement's lines so far.
    var pendingText: String { pending.joined(separator: "\n") }

    /// Takes line `number`; returns a unit when the line completes one.
    mutating func feed(_ line: String, number: Int) -> Unit? {
        if pending.isEmpty {
            if line.trimmingWhitespace.hasPrefix(".") { return .meta(line, line: number) }
            if Self.isBlankOrComment(line) { return nil }
            start = number
        }
        pending.append(line)
        let text = pendingText
        if StatementSplitter.isIncomplete(text) { return nil }
        pending = []
        return .statement(text, firstLine: start)
    }

    /// The unfinished statement at the end of input, if any, so it can fail with a diagnostic.
    mutating func finish() -> Unit? {
        guard !pending.isEmpty else { return nil }
        defer { pending = [] }
        return .statement(pendingText, firstLine: start)
    }

    /// Whether `line` holds nothing to run: blank, or only a `#` or `--` comment.
    static func isBlankOrComment(_ line: String) -> Bool {
        let t = line.trimmingWhitespace
        return t.isEmpty || t.hasPrefix("#") || t.hasPrefix("--")
    }

    /// Drops an unfinished statement (Ctrl-C at a continuation prompt).
    mutating func discard() {
        pending = []
    }
}
