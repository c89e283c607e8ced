/// Expressions, from the loosest operator to the tightest:
/// `or`, `and`, `not`, comparison (`== != < <= > >= in, is missing, between`), `+ -`, `* / %`,
/// unary `-`, then literals, names, calls, lists and parentheses.
extension Parser {
    /// An expression; `what` names it in the message when none is there.
    mutating func expression(expected what: String) throws(Diagnostic) -> Expression {
        if atStepEnd { throw expected(what) }
        return try disjunction()
    }

    private mutating func disjunction() throws(Diagnostic) -> Expression {
        let first = try conjunction()
        var links: [Expression.Link] = []
        while current.isWord("or") {
            let op = current
            advance()
            links.append(Expression.Link(op: .or, operatorPosition: op.position, operand: try conjunction()))
        }
        return chain(first, links)
    }

    private mutating func conjunction() throws(Diagnostic) -> Expression {
        let first = try negation()
        var links: [Expression.Link] = []
        while current.isWord("and") {
            let op = current
            advance()
            links.append(Expression.Link(op: .and, operatorPosition: op.position, operand: try negation()))
        }
        return chain(first, links)
    }

    /// `first` joined with `links` into one flat node, or `first` itself when there are none.
    private func chain(_ first: Expression, _ links: [Expression.Link]) -> Expression {
        guard let last = links.last else { return first }
        return Expression(.chain(first, links), first.position.through(last.operand.position),
                          operatorPosition: last.operatorPosition)
    }

    private mutating func negation() throws(Diagnostic) -> Expression {
        if current.isWord("not") {
            let op = current
            advance()
            let operand = try deeper(at: op, inBrackets: false) { (p: inout Parser) throws(Diagnostic) -> Expression in try p.negation() }
            return Expression(.unary(.not, operand), op.position.through(operand.position), operatorPosition: op.position)
        }
        return try comparison()
    }

    private static let comparisonSymbols: [String: BinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func comparison() throws(Diagnostic) -> Expression {
        let left = try additive()
        let op = current
        if op.kind == .symbol, let binary = Self.comparisonSymbols[op.text] {
            advance()
            let right = try operand(after: op)
            return Expression(.binary(binary, left, right), left.position.through(right.position), operatorPosition: op.position)
        }
        if op.isSymbol("=") {
            throw Diagnostic(op.position, "\"=\" names a new column; to compare, write \"==\"")
        }
        if op.isWord("in") || (op.isWord("not") && following.isWord("in")) {
            let negated = op.isWord("not")
            advance()
            if negated { advance() }
            let items = try list(after: "in")
            return Expression(.membership(left, items.items, negated: negated), left.position.through(items.end), operatorPosition: op.position)
        }
        if op.isWord("is") {
            advance()
            let negated = match(word: "not")
            let word = current
            try expectWord("missing", negated ? "\"missing\" after \"is not\"" : "\"missing\" or \"not missing\" after \"is\"")
            return Expression(.missingTest(left, negated: negated), left.position.through(word.position), operatorPosition: op.position)
        }
        if op.isWord("between") {
            advance()
            let low = try operand(after: op)
            try expectWord("and", "\"and\" between the two ends of \"between\"")
            let high = try additive()
            return Expression(.between(left, low, high), left.position.through(high.position), operatorPosition: op.position)
        }
        return left
    }

    private mutating func operand(after op: Token) throws(Diagnostic) -> Expression {
        if atStepEnd { throw expected("a value after \(op.described)") }
        return try additive()
    }

    private mutating func additive() throws(Diagnostic) -> Expression {
        let first = try multiplicative()
        var links: [Expression.Link] = []
        while current.isSymbol("+") || current.isSymbol("-") {
            let op = current
            advance()
            let right = try operand(after: op, multiplicative: true)
            links.append(Expression.Link(op: op.text == "+" ? .add : .subtract, operatorPosition: op.position, operand: right))
        }
        return chain(first, links)
    }

    private mutating func operand(after op: Token, multiplicative: Bool) throws(Diagnostic) -> Expression {
        if atStepEnd { throw expected("a value after \(op.described)") }
        return multiplicative ? try self.multiplicative() : try unary()
    }

    private mutating func multiplicative() throws(Diagnostic) -> Expression {
        let first = try unary()
        var links: [Expression.Link] = []
        while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
            let op = current
            advance()
            let right = try operand(after: op, multiplicative: false)
            let binary: BinaryOperator = op.text == "*" ? .multiply : op.text == "/" ? .divide : .remainder
            links.append(Expression.Link(op: binary, operatorPosition: op.position, operand: right))
        }
        return chain(first, links)
    }

    private mutating func unary() throws(Diagnostic) -> Expression {
        if current.isSymbol("-") {
            let op = current
            advance()
            let operand = try deeper(at: op, inBrackets: false) { (p: inout Parser) throws(Diagnostic) -> Expression in try p.unary() }
            return Expression(.unary(.negate, operand), op.position.through(operand.position), operatorPosition: op.position)
        }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> Expression {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return try number(token)
        case .string:
            advance()
            return Expression(.string(token.text), token.position)
        case .quotedIdentifier:
            advance()
            return Expression(.column(token.text), token.position)
        case .identifier:
            return try word(token)
        case .symbol where token.text == "(":
            advance()
            let inner = try deeper(at: token) { (p: inout Parser) throws(Diagnostic) -> Expression in
                let e = try p.expression(expected: "an expression inside the parentheses")
                try p.expectSymbol(")", "\")\" to close the parenthesis")
                return e
            }
            return inner
        case .symbol where token.text == "[":
            let items = try list(after: nil)
            return Expression(.list(items.items), token.position.through(items.end))
        default:
            throw expected("a value: a number, a \"string\", a column name or a function call")
        }
    }

    private mutating func word(_ token: Token) throws(Diagnostic) -> Expression {
        switch token.text {
        case "true", "false":
            advance()
            return Expression(.boolean(token.text == "true"), token.position)
        case "missing":
            advance()
            return Expression(.missing, token.position)
        case _ where reservedWords.contains(token.text):
            throw expected("a value")
        default:
            advance()
        }
        guard current.isSymbol("(") else { return Expression(.column(token.text), token.position) }
        advance()
        let (arguments, end) = try deeper(at: token) { (p: inout Parser) throws(Diagnostic) -> ([Expression], SourcePosition) in
            var arguments: [Expression] = []
            if !p.current.isSymbol(")") {
                repeat {
                    arguments.append(try p.expression(expected: "an argument for \(token.text)()"))
                } while p.match(symbol: ",")
            }
            let close = p.current
            try p.expectSymbol(")", "\")\" to close the arguments of \(token.text)()")
            return (arguments, close.position)
        }
        return Expression(.call(token.text, arguments), token.position.through(end), operatorPosition: token.position)
    }

    /// `[a, b, ...]`; `keyword` names what it follows, for the message when `[` is missing.
    private mutating func list(after keyword: String?) throws(Diagnostic) -> (items: [Expression], end: SourcePosition) {
        let open = current
        try expectSymbol("[", keyword.map { "\"[\" to start the list after \"\($0)\"" } ?? "\"[\"")
        return try deeper(at: open) { (p: inout Parser) throws(Diagnostic) -> ([Expression], SourcePosition) in
            var items: [Expression] = []
            if !p.current.isSymbol("]") {
                repeat {
                    items.append(try p.expression(expected: "a value in the list"))
                } while p.match(symbol: ",")
            }
            let close = p.current
            try p.expectSymbol("]", "\",\" or \"]\" to end the list")
            return (items, close.position)
        }
    }

    /// A number literal: whole numbers are exact 64-bit integers, others decimals; one that
    /// cannot be represented is an error naming it, never a silently rounded or infinite value.
    private func number(_ token: Token) throws(Diagnostic) -> Expression {
        let text = token.text
        let shown = text.count > 24 ? "\(text.prefix(12))… (a number of \(text.count) digits)" : text
        let value = Double(text) ?? .infinity
        let exponent = text.contains("e") || text.contains("E")
        if !text.contains(".") && !exponent {
            if let whole = Int64(text) { return Expression(.integer(whole), token.position) }
            if value.isFinite {
                throw Diagnostic(token.position, "\(shown) is too large for a whole number (at most 9223372036854775807); write it with a decimal point, as \(text.count > 24 ? "…" : text).0, to use it as a decimal with about 16 significant digits")
            }
        }
        guard value.isFinite else {
            throw Diagnostic(token.position, "\(shown) is too large to be a number (the largest is about 1.8 × 10^308)")
        }
        if value == 0, text.contains(where: { "123456789".contains($0) }) {
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            if mantissa.contains(where: { "123456789".contains($0) }) {
                throw Diagnostic(token.position, "\(shown) is too small to be a number (the smallest above zero is about 4.9 × 10^-324); write 0 if zero is meant")
            }
        }
        return Expression(.decimal(value), token.position)
    }
}
