import ArvioData

/// Arithmetic on numbers: whole numbers stay whole for `+ - * %` (an overflow is missing),
/// `/` always gives decimals, and anything with a missing value is missing.
extension ExpressionEvaluator {
    mutating func arithmetic(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                             _ whole: Expression) throws(Diagnostic) -> Value {
        let l = try evaluate(left)
        let r = try evaluate(right)
        try requireNumber(l, left, op)
        try requireNumber(r, right, op)
        if case .constant(let a) = l, case .constant(let b) = r {
            if case .integer(let x) = a, case .integer(let y) = b, op != .divide {
                return .constant(.integer(Self.integer(op, x, y)))
            }
            return .constant(.decimal(Self.decimal(op, a.number ?? .nan, b.number ?? .nan)))
        }
        let a = l.vector(count: count)
        let b = r.vector(count: count)
        if case .data(.integer(let x)) = a, case .data(.integer(let y)) = b, op != .divide {
            return .vector(.data(.integer(zip(x, y).map { Self.integer(op, $0, $1) })))
        }
        let x = a.decimals ?? []
        let y = b.decimals ?? []
        return .vector(.data(.decimal(zip(x, y).map { Self.decimal(op, $0, $1) })))
    }

    private func requireNumber(_ value: Value, _ expression: Expression, _ op: BinaryOperator) throws(Diagnostic) {
        switch value {
        case .constant(.integer), .constant(.decimal): return
        case .vector(let v) where v.decimals != nil: return
        case .constant(.missing):
            throw Diagnostic(expression.position, "arithmetic with missing is always missing; leave it out")
        default:
            let hint = value.typeName == "ordinal" ? " (mean() and the other aggregates use an ordinal column's scale numbers)" : ""
            throw Diagnostic(expression.position, "\"\(op.rawValue)\" needs numbers, but \(describe(expression)) is \(value.typeName)\(hint)")
        }
    }

    static func integer(_ op: BinaryOperator, _ x: Int64, _ y: Int64) -> Int64 {
        if Missing.isMissing(x) || Missing.isMissing(y) { return Missing.integer }
        let result: (partialValue: Int64, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .remainder:
            if y == 0 { return Missing.integer }
            result = x.remainderReportingOverflow(dividingBy: y)
        default: return Missing.integer
        }
        return result.overflow ? Missing.integer : result.partialValue
    }

    static func decimal(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: y == 0 ? .nan : x / y
        case .remainder: y == 0 ? .nan : x.truncatingRemainder(dividingBy: y)
        default: .nan
        }
    }
}
