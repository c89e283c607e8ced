import ArvioData
import ArvioStats
import Synchronization

/// Arithmetic on numbers: whole numbers stay whole and exact for `+ - * %`, `/` always gives
/// decimals, and anything with a missing value is missing. A result that cannot be represented
/// (a whole number beyond ±9223372036854775807, a decimal beyond ±1.8e308) is an error naming
/// the values, never a silently wrong or infinite number.
extension ExpressionEvaluator {
    mutating func arithmetic(_ op: BinaryOperator, _ l: Value, _ left: Operand, _ r: Value, _ right: Operand,
                             at position: SourcePosition) throws(Diagnostic) -> Value {
        try requireNumber(l, left, op)
        try requireNumber(r, right, op)
        if case .constant(let a) = l, case .constant(let b) = r {
            if case .integer(let x) = a, case .integer(let y) = b, op != .divide {
                guard let result = Self.integer(op, x, y) else { throw Self.overflow(op, "\(x)", "\(y)", whole: true, at: position) }
                return .constant(.integer(result))
            }
            let x = a.number ?? .nan, y = b.number ?? .nan
            let result = Self.decimals(op, [x], [y])[0]
            if result.isInfinite { throw Self.overflow(op, "\(x)", "\(y)", whole: false, at: position) }
            return .constant(.decimal(result))
        }
        let a = polledVector(l)
        let b = polledVector(r)
        if case .data(.integer(let x)) = a, case .data(.integer(let y)) = b, op != .divide {
            // Both cores, in polled blocks; an overflow anywhere is found again in row order
            // below, so the error names the first row's values as one pass would.
            let overflowed = Atomic<Bool>(false)
            let result = poll.array(min(x.count, y.count)) { i in
                guard let value = Self.integer(op, x[i], y[i]) else {
                    overflowed.store(true, ordering: .relaxed)
                    return Missing.integer
                }
                return value
            }
            try poll.check(at: position)
            if overflowed.load(ordering: .relaxed), let i = x.indices.first(where: { Self.integer(op, x[$0], y[$0]) == nil }) {
                throw Self.overflow(op, "\(x[i])", "\(y[i])", whole: true, at: position)
            }
            return .vector(.data(.integer(result)))
        }
        let x = polledDecimals(a) ?? []
        let y = polledDecimals(b) ?? []
        let result = op == .add || op == .subtract ? Self.decimals(op, x, y)
            : poll.array(min(x.count, y.count)) { Self.decimal(op, x[$0], y[$0]) }
        try poll.check(at: position)
        if let i = result.firstIndex(where: \.isInfinite) {
            throw Self.overflow(op, "\(x[i])", "\(y[i])", whole: false, at: position)
        }
        return .vector(.data(.decimal(result)))
    }

    /// `value.vector(count:)`, a constant repeated in polled blocks.
    func polledVector(_ value: Value) -> Vector {
        switch value {
        case .constant(.integer(let v)): .data(.integer(poll.array(count) { _ in v }))
        case .constant(.decimal(let v)): .data(.decimal(poll.array(count) { _ in v }))
        default: value.vector(count: count)
        }
    }

    /// `vector.decimals`, whole numbers converted in polled blocks.
    func polledDecimals(_ vector: Vector) -> [Double]? {
        guard case .data(.integer(let v)) = vector else { return vector.decimals }
        return poll.array(v.count) { Missing.isMissing(v[$0]) ? .nan : Double(v[$0]) }
    }

    private func requireNumber(_ value: Value, _ operand: Operand, _ op: BinaryOperator) throws(Diagnostic) {
        switch value {
        case .constant(.integer), .constant(.decimal): return
        case .vector(let v) where v.decimals != nil: return
        case .constant(.missing):
            throw Diagnostic(operand.position, "arithmetic with missing is always missing; leave it out")
        default:
            let hint = value.typeName == "ordinal" ? " (mean() and the other aggregates use an ordinal column's scale numbers)" : ""
            throw Diagnostic(operand.position, "\"\(op.rawValue)\" needs numbers, but \(operand.described) is \(value.typeName)\(hint)")
        }
    }

    private static func overflow(_ op: BinaryOperator, _ x: String, _ y: String, whole: Bool,
                                 at position: SourcePosition) -> Diagnostic {
        whole
            ? Diagnostic(position, "\(x) \(op.rawValue) \(y) is beyond the range of whole numbers (±9223372036854775807); multiply by 1.0 first to compute in decimals")
            : Diagnostic(position, "\(x) \(op.rawValue) \(y) is too large to represent (decimals reach about ±1.8e308)")
    }

    /// `x op y` for whole numbers: missing when either is missing or for `% 0`, nil when the
    /// result does not fit.
    static func integer(_ op: BinaryOperator, _ x: Int64, _ y: Int64) -> Int64? {
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
        // Int64.min is the missing marker, so a result landing on it does not fit either.
        return result.overflow || Missing.isMissing(result.partialValue) ? nil : result.partialValue
    }

    /// `x op y` elementwise; `+` and `-` on the values' own decimal precision (80.2 − 79.5 is
    /// 0.7 exactly as written, not 0.70000000000000284), so ties in derived differences stay ties.
    static func decimals(_ op: BinaryOperator, _ x: [Double], _ y: [Double]) -> [Double] {
        switch op {
        case .add, .subtract: DecimalDifferences.combining(x, y, subtracting: op == .subtract)
        default: zip(x, y).map { decimal(op, $0, $1) }
        }
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
