/// One token of a statement, with where it is; the shell's completion reads these too.
public struct Token: Sendable, Hashable {
    /// What kind of token this is.
    public var kind: Kind
    /// The token's text: a name without its backticks, a string without its quotes and with
    /// escapes resolved, a number or operator as written.
    public var text: String
    /// Where the token is.
    public var position: SourcePosition

    /// Creates a token.
    public init(_ kind: Kind, _ text: String, _ position: SourcePosition) {
        self.kind = kind
        self.text = text
        self.position = position
    }

    /// The kinds of token.
    public enum Kind: Sendable, Hashable {
        /// A name written plainly: a table, column, verb, function or keyword.
        case identifier
        /// A name in backticks (`` `työ tunnit` ``); never read as a keyword.
        case quotedIdentifier
        /// A number such as `12` or `3.5`.
        case number
        /// A string in double or single quotes.
        case string
        /// An operator or punctuation: `| , ( ) [ ] = == != < <= > >= + - * / %`.
        case symbol
        /// The end of a line (statements are separated by lines).
        case newline
        /// The end of the source.
        case end
    }

    /// Whether this is the plain identifier `word` (keywords are identifiers read in context).
    func isWord(_ word: String) -> Bool { kind == .identifier && text == word }
    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    /// Whether this token is a name: plain or quoted.
    var isName: Bool { kind == .identifier || kind == .quotedIdentifier }

    /// How the token reads in a message: `"orgg"`, `|`, or "the end of the line".
    var described: String {
        switch kind {
        case .newline: "the end of the line"
        case .end: "the end of the statement"
        case .string: "the text \"\(text)\""
        case .number: "the number \(text)"
        case .symbol: "\"\(text)\""
        case .identifier, .quotedIdentifier: "\"\(text)\""
        }
    }
}

/// Words that cannot be plain column names because expressions use them; write such a column
/// in backticks (`` `in` ``).
let reservedWords: Set<String> = ["and", "or", "not", "in", "is", "missing", "between", "let", "true", "false"]
