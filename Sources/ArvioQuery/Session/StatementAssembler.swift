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
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") { return .meta(line, line: number) }
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
    public static func isBlankOrComment(_ line: String) -> Bool {
        Scanner.tolerantTokens(in: line).allSatisfy { $0.kind == .newline || $0.kind == .end }
    }
}
