import ArvioData

/// `scale_mean(A1, reverse(A2), A3, at_least(2))` and `scale_sum(...)`: a respondent's scale
/// score, row by row, from item columns; `reverse(X)` turns an item on its declared scale points
/// (`reverse(X, 1, 6)` for a number column, which declares none) and `at_least(n)` is the fewest
/// answered items a score needs (SPSS `MEAN.n`), every item when it is not given.
extension ExpressionEvaluator {
    mutating func scaleScore(_ function: Function, _ arguments: [Expression], _ whole: Expression) throws(Diagnostic) -> Value {
        let usage = function.usage
        if grouping != nil {
            throw Diagnostic(whole.operatorPosition, "\(function.rawValue)() scores each row, so it cannot be an aggregate of a group; derive the score before group")
        }
        var values: [[Double]] = []
        var names: [String] = []
        var reversed: [String] = []
        var minimum: Int?
        for (index, argument) in arguments.enumerated() {
            switch argument.kind {
            case .column(let name):
                let (v, _) = try itemValues(name, argument, function)
                values.append(v)
                names.append(name)
            case .call("reverse", let inner):
                guard let first = inner.first, case .column(let name) = first.kind, inner.count == 1 || inner.count == 3 else {
                    throw Diagnostic(argument.position, "reverse() takes an item column, and for a number column its lowest and highest scale points: reverse(A1) or reverse(A1, 1, 6)")
                }
                let (v, declared) = try itemValues(name, first, function)
                var points = declared
                if inner.count == 3 {
                    guard let (low, _) = literalNumber(inner[1]), let (high, _) = literalNumber(inner[2]), low < high else {
                        throw Diagnostic(inner[1].position, "the scale points of reverse() are two numbers, lowest first: reverse(\(name), 1, 6)")
                    }
                    points = (low, high)
                }
                guard let points else {
                    throw Diagnostic(first.position, "\(name) cannot be reversed: it holds numbers with no declared scale points, and reversing on the answers seen would depend on the sample; write reverse(\(name), 1, 6) with its points, or declare it an ordinal scale in the codebook")
                }
                values.append(v.map { points.low + points.high - $0 })
                names.append(name)
                reversed.append(name)
            case .call("at_least", let inner) where index == arguments.count - 1:
                guard inner.count == 1, let (n, whole) = literalNumber(inner[0]), whole, n >= 1 else {
                    throw Diagnostic(argument.position, "at_least() takes the fewest answered items, a whole number such as at_least(2)")
                }
                minimum = Int(n)
            default:
                throw Diagnostic(argument.position, "\(function.rawValue)() takes item columns, reverse(item) and a last at_least(n): \(usage)")
            }
        }
        for (index, name) in names.enumerated() where names[..<index].contains(name) {
            throw Diagnostic(arguments[index].position, "\"\(name)\" is listed twice")
        }
        guard !names.isEmpty else { throw Diagnostic(whole.operatorPosition, "\(function.rawValue)() needs at least one item column: \(usage)") }
        if let minimum, minimum > names.count {
            throw Diagnostic(arguments[arguments.count - 1].position, "at_least(\(minimum)) is more than the \(names.count) items")
        }
        let score = ScaleScore(kind: function == .scale_mean ? .mean : .sum, minimum: minimum)
        let result = score.scores(values)
        notes.append(score.note(name: "\(function.rawValue)()", items: names, reversed: reversed, scores: result.scores, unit: "rows"))
        return .vector(.data(.decimal(result.scores)))
    }

    private func itemValues(_ name: String, _ expression: Expression, _ function: Function) throws(Diagnostic) -> ([Double], (low: Double, high: Double)?) {
        let token = Token(.identifier, name, expression.position)
        return try ScaleItemsReader.numbers(frame: frame, token: token, context: context, verb: "\(function.rawValue)()")
    }
}

/// A number literal's value and whether it was written as a whole number; nil for anything else.
private func literalNumber(_ expression: Expression) -> (Double, Bool)? {
    switch expression.kind {
    case .integer(let n): (Double(n), true)
    case .decimal(let x): (x, false)
    default: nil
    }
}
