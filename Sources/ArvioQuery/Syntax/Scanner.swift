/// Turns source text into tokens with positions. Comments (`#` or `--` to the end of the line)
/// are skipped; a backslash is only special inside strings.
public struct Scanner {
    private let characters: [Character]
    private let file: String
    private var index = 0
    private var line: Int
    private var lineStart = 0

    /// Prepares to scan `source`, whose first line is line `firstLine` of `file`.
    public init(_ source: String, file: String = "<stdin>", firstLine: Int = 1) {
        self.characters = Array(source)
        self.file = file
        self.line = firstLine
    }

    /// All tokens, ending with `.end`; throws at the first character that cannot start a token.
    public static func tokens(in source: String, file: String = "<stdin>",
                              firstLine: Int = 1) throws(Diagnostic) -> [Token] {
        var scanner = Scanner(source, file: file, firstLine: firstLine)
        var tokens: [Token] = []
        while true {
            let token = try scanner.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The tokens that could be scanned, stopping silently at the first error; for completion
    /// and syntax colouring, which must work on half-typed input.
    public static func tolerantTokens(in source: String) -> [Token] {
        var scanner = Scanner(source)
        var tokens: [Token] = []
        while let token = try? scanner.next(), token.kind != .end { tokens.append(token) }
        return tokens
    }

    private func position(from start: Int, length: Int) -> SourcePosition {
        SourcePosition(file: file, line: line, column: start - lineStart + 1, length: max(1, length))
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    /// The next token.
    public mutating func next() throws(Diagnostic) -> Token {
        skipBlanksAndComments()
        let start = index
        guard let c = peek() else { return Token(.end, "", position(from: start, length: 1)) }
        if c == "\n" || c == "\r" {
            let token = Token(.newline, "\n", position(from: start, length: 1))
            index += 1
            if c == "\r" && peek() == "\n" { index += 1 }
            line += 1
            lineStart = index
            return token
        }
        if c.isLetter || c == "_" { return identifier() }
        if c.isNumber && c.isASCII { return number() }
        if c == "\"" || c == "'" { return try string(quote: c) }
        if c == "`" { return try quotedIdentifier() }
        return try symbol()
    }

    private mutating func skipBlanksAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" {
                index += 1
            } else if c == "#" || (c == "-" && peek(1) == "-" && !(peek(2)?.isLetter ?? false)) {
                // `--cells` is an option written the way other shells write them, not a
                // comment: it must not vanish silently, so symbol() reports it.
                while let d = peek(), d != "\n", d != "\r" { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func identifier() -> Token {
        let start = index
        while let c = peek(), c.isLetter || c.isNumber || c == "_" { index += 1 }
        let text = String(characters[start..<index])
        return Token(.identifier, text, position(from: start, length: index - start))
    }

    private mutating func number() -> Token {
        let start = index
        while let c = peek(), c.isASCII, c.isNumber { index += 1 }
        if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
            index += 1
            while let c = peek(), c.isASCII, c.isNumber { index += 1 }
        }
        // An exponent as in R, SQL and the CSV reader (1e6, 2.5E-3): only when digits follow, so
        // that a number is never glued to a name that happens to start with "e".
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), d.isASCII, d.isNumber {
                index += signed ? 2 : 1
                while let c = peek(), c.isASCII, c.isNumber { index += 1 }
            }
        }
        let text = String(characters[start..<index])
        return Token(.number, text, position(from: start, length: index - start))
    }

    private mutating func string(quote: Character) throws(Diagnostic) -> Token {
        let start = index
        index += 1
        var text = ""
        while let c = peek() {
            if c == "\n" || c == "\r" { break }
            index += 1
            if c == quote {
                return Token(.string, text, position(from: start, length: index - start))
            }
            if c == "\\", let escaped = peek() {
                index += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(c)
            }
        }
        throw Diagnostic(position(from: start, length: index - start),
                         "this text has no closing \(quote); a string must end on the line it starts")
    }

    private mutating func quotedIdentifier() throws(Diagnostic) -> Token {
        let start = index
        index += 1
        while let c = peek(), c != "`", c != "\n", c != "\r" { index += 1 }
        guard peek() == "`" else {
            throw Diagnostic(position(from: start, length: index - start),
                             "this name has no closing backtick (`)")
        }
        let text = String(characters[(start + 1)..<index])
        index += 1
        guard !text.isEmpty else {
            throw Diagnostic(position(from: start, length: 2), "a name in backticks cannot be empty")
        }
        return Token(.quotedIdentifier, text, position(from: start, length: index - start))
    }

    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Character> = ["|", ",", "(", ")", "[", "]", "=", "<", ">",
                                                              "+", "-", "*", "/", "%", ";"]

    private mutating func symbol() throws(Diagnostic) -> Token {
        let start = index
        if peek() == "-", peek(1) == "-", let c = peek(2), c.isLetter {
            var end = index + 2
            while end < characters.count, characters[end].isLetter || characters[end] == "_" { end += 1 }
            let word = String(characters[(index + 2)..<end])
            throw Diagnostic(position(from: start, length: end - start),
                             "options are words without dashes here; a comment starts with # or with -- and a space",
                             suggestion: "\"\(word)\"")
        }
        if let c = peek(), let d = peek(1), Self.twoCharacterSymbols.contains(String([c, d])) {
            index += 2
            return Token(.symbol, String([c, d]), position(from: start, length: 2))
        }
        guard let c = peek() else { return Token(.end, "", position(from: start, length: 1)) }
        if Self.oneCharacterSymbols.contains(c) {
            index += 1
            return Token(.symbol, String(c), position(from: start, length: 1))
        }
        if c == "." && characters[lineStart..<index].allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw Diagnostic(position(from: start, length: 1),
                             "meta-commands such as .tables are for the shell; they cannot be part of a statement")
        }
        let hint = c == "!" ? "; write \"not\" for negation and \"!=\" for not equal (arvio runs no shell commands)"
            : c == "&" ? "; write \"and\""
            : c == "\\" ? "; meta-commands start with a dot, as in .tables, .help and .quit"
            : c == "?" ? "; for help, type .help" : ""
        throw Diagnostic(position(from: start, length: 1), "\"\(c)\" cannot start a name, number or operator\(hint)")
    }
}
