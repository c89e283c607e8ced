/// Gathers input lines into whole units, one line at a time: a meta-command is one line
/// starting with a dot; a statement runs on over lines while it is unfinished (a line ending
/// in `|`, an open bracket). The shell, scripts, standard input, notebooks and
/// `StatementSplitter` all read through it, so they cut text the same way.
public struct StatementAssembler: Sendable {
    /// A complete piece of input.
    public enum Unit: Equatable, Sendable {
        /// A meta-command line and its line number.
        case meta(String, line: Int)
        /// A statement's text and the line it starts on.
        case statement(String, firstLine: Int)
    }

    private var pending: [String] = []
    private var start = 0

    /// Creates an assembler with nothing pending.
    public init() {}

    /// Whether a statement has begun and awaits more lines.
    public var isInsideStatement: Bool { !pending.isEmpty }

    /// The unfinished statement's lines so far.
    public var pendingText: String { pending.joined(separator: "\n") }

    /// Takes line `number`; returns a unit when the line completes one.
    public mutating func feed(_ line: String, number: Int) -> Unit? {
        if pending.isEmpty {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix(".") { return .meta(line, line: number) }
            // psql's way to quit, which people type out of habit: it quits here too.
            if trimmed.trimmingSuffix(while: { $0 == " " || $0 == "\t" || $0 == "\r" }) == "\\q" { return .meta(".quit", line: number) }
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
    public mutating func finish() -> Unit? {
        guard !pending.isEmpty else { return nil }
        defer { pending = [] }
        return .statement(pendingText, firstLine: start)
    }

    /// Drops an unfinished statement (Ctrl-C at a continuation prompt).
    public mutating func discard() {
        pending = []
    }

    /// Whether `line` holds nothing to run: blank, or only a comment, as the scanner reads it.
    /// A line the scanner cannot read (`\d`, `?`, `!ls`) is not blank: it runs as a statement
    /// and fails with the scanner's message, so a script with it fails instead of skipping it.
    public static func isBlankOrComment(_ line: String) -> Bool {
        guard let tokens = try? Scanner.tokens(in: line) else { return false }
        return tokens.allSatisfy { $0.kind == .newline || $0.kind == .end }
    }
}

extension Substring {
    /// The text without the trailing characters that match `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
