/// A recursive-descent parser from tokens to statements. It stops at the first mistake, so one
/// mistake gives one message. Verbs parse their own arguments with the helpers here.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    /// How many brackets or parentheses are open; inside them, line ends are ignored.
    private var nesting = 0
    /// How deeply the expression being parsed nests (see `nestingLimit`).
    private var depth = 0
    private var stack = StackGuard()

    /// How deeply an expression may nest: parentheses, lists, function calls, `not` and unary
    /// `-` each add a level. Parsing and evaluating recurse once per level, so a limit keeps
    /// generated input from overflowing the stack; flat chains (`a or b or ...`, `1 + 1 + ...`)
    /// do not nest and have no limit.
    static let nestingLimit = 200

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses every statement in `source`.
    static func statements(in source: String, file: String = "<stdin>",
                           firstLine: Int = 1) throws(Diagnostic) -> [Statement] {
        var parser = Parser(tokens: try Scanner.tokens(in: source, file: file, firstLine: firstLine))
        return try parser.statements()
    }

    mutating func statements() throws(Diagnostic) -> [Statement] {
        var result: [Statement] = []
        while true {
            while current.kind == .newline { index += 1 }
            if current.kind == .end { return result }
            result.append(try statement())
            // A `;` may end a statement, as people write it out of SQL habit; the line ends too.
            let semicolon = match(symbol: ";")
            guard current.kind == .newline || current.kind == .end else {
                if semicolon {
                    throw Diagnostic(current.position, "one statement per line: after \";\" start the next statement on a new line")
                }
                throw expected("the end of the statement")
            }
        }
    }

    // MARK: Statements and pipelines

    private mutating func statement() throws(Diagnostic) -> Statement {
        let start = current.position
        if current.isWord("let") {
            advance()
            // `let replace = ...` names a table "replace"; only a name after it makes it the word.
            let replacing = current.isWord("replace") && following.isName
            if replacing { advance() }
            let name = try self.name(expected: "a name for the new table after \"let\"")
            try expectSymbol("=", "\"=\" after \"let \(replacing ? "replace " : "")\(name.text)\"")
            return Statement(kind: .bind(name: name, try pipeline()), start: start, replaces: replacing)
        }
        return Statement(kind: .show(try pipeline()), start: start)
    }

    private mutating func pipeline() throws(Diagnostic) -> Pipeline {
        if current.isSymbol("|") {
            throw Diagnostic(current.position, "a statement starts with a table name, not \"|\"; to continue the line before, end that line with \"|\"")
        }
        if current.kind == .identifier, current.text.lowercased() == "select" || current.text.lowercased() == "from",
           let arvio = Habits.fromSQL(restOfStatement()) {
            throw Diagnostic(current.position, "Arvio reads a statement as a table, then its verbs joined by \"|\", not as SQL: \(arvio)")
        }
        if current.kind == .identifier, VerbRegistry.verb(named: current.text) != nil,
           !(following.isSymbol("|") || following.kind == .newline || following.kind == .end) {
            // A verb where the table should be: parse the step so the binder can name a table it fits.
            let text = Habits.text(restOfStep())
            let keyword = current
            return Pipeline(source: keyword, steps: [try step()], missingSource: text)
        }
        let source = try name(expected: "a table name")
        var steps: [Step] = []
        while current.isSymbol("|") {
            advance()
            while current.kind == .newline { advance() }
            steps.append(try step())
        }
        return Pipeline(source: source, steps: steps)
    }

    private mutating func step() throws(Diagnostic) -> Step {
        let keyword = current
        guard keyword.kind == .identifier else { throw expected("a verb such as where, select or count") }
        guard let verbType = VerbRegistry.verb(named: keyword.text) else {
            let words = restOfStep()
            if let hint = Habits.verbHint(words) ?? Habits.aggregateHint(words) {
                throw Diagnostic(keyword.position, "there is no verb \"\(keyword.text)\"; \(hint)")
            }
            throw Diagnostic(keyword.position, "there is no verb \"\(keyword.text)\"",
                             suggestion: Suggestion.quoted(keyword.text, among: VerbRegistry.names))
        }
        advance()
        let verb = try verbType.parse(&self, keyword: keyword)
        guard atStepEnd else {
            throw expected("\"|\" or the end of the line after the \(keyword.text) step")
        }
        return Step(keyword: keyword, verb: verb)
    }

    /// The tokens from the current one to the end of the statement (a line end outside brackets).
    private func restOfStatement() -> [Token] {
        var i = index
        var depth = 0
        var result: [Token] = []
        while i < tokens.count, tokens[i].kind != .end, depth > 0 || tokens[i].kind != .newline {
            if tokens[i].isSymbol("(") || tokens[i].isSymbol("[") { depth += 1 }
            if tokens[i].isSymbol(")") || tokens[i].isSymbol("]") { depth -= 1 }
            if tokens[i].kind != .newline { result.append(tokens[i]) }
            i += 1
        }
        return result
    }

    /// The tokens from the current one to the end of the step, for a message that rewrites it.
    private func restOfStep() -> [Token] {
        var i = index
        var result: [Token] = []
        while i < tokens.count, tokens[i].kind != .newline, tokens[i].kind != .end, !tokens[i].isSymbol("|") {
            result.append(tokens[i])
            i += 1
        }
        return result
    }

    // MARK: Helpers for verbs

    /// The token being looked at.
    var current: Token {
        var i = index
        if nesting > 0 { while i < tokens.count - 1 && tokens[i].kind == .newline { i += 1 } }
        return tokens[min(i, tokens.count - 1)]
    }

    /// The token after the current one (line ends skipped only inside brackets).
    var following: Token {
        var i = index
        if nesting > 0 { while i < tokens.count - 1 && tokens[i].kind == .newline { i += 1 } }
        return tokens[min(i + 1, tokens.count - 1)]
    }

    /// Whether the current step has ended: a `|`, a `;`, a line end or the end of the source.
    var atStepEnd: Bool {
        current.isSymbol("|") || current.isSymbol(";") || current.kind == .newline || current.kind == .end
    }

    /// Moves past the current token.
    mutating func advance() {
        if nesting > 0 { while index < tokens.count - 1 && tokens[index].kind == .newline { index += 1 } }
        if index < tokens.count - 1 { index += 1 }
    }

    /// Consumes the plain word `word` if it is next.
    mutating func match(word: String) -> Bool {
        guard current.isWord(word) else { return false }
        advance()
        return true
    }

    /// Consumes `symbol` if it is next.
    mutating func match(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes `symbol` or fails saying `what` was expected.
    mutating func expectSymbol(_ symbol: String, _ what: String) throws(Diagnostic) {
        guard match(symbol: symbol) else { throw expected(what) }
    }

    /// Consumes the word `word` or fails saying `what` was expected.
    mutating func expectWord(_ word: String, _ what: String) throws(Diagnostic) {
        guard match(word: word) else { throw expected(what) }
    }

    /// A name (plain, not a reserved word, or in backticks), or an error saying `what` was expected.
    mutating func name(expected what: String) throws(Diagnostic) -> Token {
        let token = current
        guard token.kind == .quotedIdentifier || (token.kind == .identifier && !reservedWords.contains(token.text)) else {
            if token.kind == .identifier {
                throw Diagnostic(token.position, "expected \(what), but \"\(token.text)\" is a reserved word; write it in backticks (`\(token.text)`) if it is a name")
            }
            throw expected(what)
        }
        advance()
        return token
    }

    /// One or more names separated by commas.
    mutating func names(expected what: String) throws(Diagnostic) -> [Token] {
        var result = [try name(expected: what)]
        while match(symbol: ",") { result.append(try name(expected: what)) }
        return result
    }

    /// `name = expression` or a bare expression (named after its text), separated by commas.
    mutating func namedExpressions(expected what: String) throws(Diagnostic) -> [NamedExpression] {
        var result: [NamedExpression] = []
        repeat {
            result.append(try namedExpression(expected: what))
        } while match(symbol: ",")
        return result
    }

    private mutating func namedExpression(expected what: String) throws(Diagnostic) -> NamedExpression {
        if current.isName, following.isSymbol("="), current.kind == .quotedIdentifier || !reservedWords.contains(current.text) {
            let name = current
            advance()
            advance()
            return NamedExpression(name: name.text, namePosition: name.position, expression: try expression(expected: what))
        }
        let start = index
        let expression = try self.expression(expected: what)
        return NamedExpression(name: text(from: start), namePosition: expression.position, expression: expression)
    }

    /// The tokens from `start` to here, joined as they would be written (`mean(score)`).
    private func text(from start: Int) -> String {
        var result = ""
        var previous: Token?
        for token in tokens[start..<index] where token.kind != .newline {
            let tight = previous.map { $0.isSymbol("(") || $0.isSymbol("[") } ?? true
                || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol(",") || token.isSymbol("]")
            if !tight { result += " " }
            switch token.kind {
            case .string: result += "\"\(token.text)\""
            case .quotedIdentifier: result += "`\(token.text)`"
            default: result += token.text
            }
            previous = token
        }
        return result
    }

    /// A "expected X, but found Y" diagnostic at the current token.
    func expected(_ what: String) -> Diagnostic {
        let token = current
        return Diagnostic(token.position, "expected \(what), but found \(token.described)")
    }

    /// Runs `body` one nesting level deeper (opened by `token`), with line ends ignored when
    /// `inBrackets`; fails at `token` beyond `nestingLimit`.
    mutating func deeper<T>(at token: Token, inBrackets: Bool = true,
                            _ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        guard depth < Self.nestingLimit else {
            throw Diagnostic(token.position, "this expression nests more than \(Self.nestingLimit) levels deep (parentheses, lists, function calls, \"not\" and \"-\" each open a level); compute parts of it in earlier steps with derive")
        }
        if depth >= StackGuard.checkedFromDepth, !stack.hasRoom() {
            throw Diagnostic(token.position, "this expression nests too deeply (\(depth) levels) for the stack available here; compute parts of it in earlier steps with derive")
        }
        depth += 1
        defer { depth -= 1 }
        return inBrackets ? try nested(body) : try body(&self)
    }

    /// Runs `body` with line ends ignored (inside brackets).
    mutating func nested<T>(_ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        nesting += 1
        defer { nesting -= 1 }
        return try body(&self)
    }
}
