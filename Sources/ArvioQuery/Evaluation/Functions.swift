import ArvioData

/// The functions of the language. Aggregates reduce many rows to one value (per group inside
/// `group`); the others work value by value.
enum Function: String, CaseIterable {
    case count, mean, median, sd, min, max, sum, n_distinct, pct
    /// The bounds of the Wilson 95% interval of `pct`, in percent.
    case pct_low, pct_high
    case round, abs
    case scale_mean, scale_sum

    /// Whether the function reduces rows to one value.
    var isAggregate: Bool { ![.round, .abs, .scale_mean, .scale_sum].contains(self) }

    /// How many arguments it takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .count, .pct, .pct_low, .pct_high: 0...1
        case .round: 1...2
        case .scale_mean, .scale_sum: 1...Int.max
        default: 1...1
        }
    }

    /// How a call reads in a message.
    var usage: String {
        switch self {
        case .count: "count() or count(column)"
        case .pct: "pct() or pct(condition)"
        case .pct_low, .pct_high: "\(rawValue)() or \(rawValue)(condition)"
        case .round: "round(x) or round(x, digits)"
        case .scale_mean, .scale_sum: "\(rawValue)(A1, reverse(A2), A3, at_least(2))"
        default: "\(rawValue)(x)"
        }
    }
}

extension ExpressionEvaluator {
    mutating func call(_ name: String, _ arguments: [Expression], _ whole: Expression) throws(Diagnostic) -> Value {
        guard let function = Function(rawValue: name) else {
            let hint = frame.table.column(named: name) != nil ? "; \"\(name)\" is a column, and a column is written without ()" : ""
            throw Diagnostic(whole.operatorPosition, "there is no function \"\(name)\"\(hint)",
                             suggestion: hint.isEmpty ? Suggestion.quoted(name, among: Function.allCases.map(\.rawValue)) : nil)
        }
        guard function.arity.contains(arguments.count) else {
            throw Diagnostic(whole.operatorPosition, "\(name)() takes \(function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) or \(function.arity.upperBound)") argument\(function.arity.upperBound == 1 ? "" : "s"), but was given \(arguments.count); write \(function.usage)")
        }
        if function.isAggregate { return try aggregate(function, arguments.first, whole) }
        if function == .scale_mean || function == .scale_sum { return try scaleScore(function, arguments, whole) }
        let value = try evaluate(arguments[0])
        let x: [Double]
        switch value {
        case .constant(let c) where c.number != nil: x = [c.number ?? .nan]
        case .vector(let v) where v.decimals != nil: x = v.decimals ?? []
        default:
            throw Diagnostic(arguments[0].position, "\(name)() needs numbers, but \(describe(arguments[0])) is \(value.typeName)")
        }
        var result: [Double]
        if function == .abs {
            if case .vector(.data(.integer(let v))) = value {
                return .vector(.data(.integer(v.map { Missing.isMissing($0) ? $0 : ($0 == .min ? Missing.integer : Swift.abs($0)) })))
            }
            result = x.map { Swift.abs($0) }
        } else {
            var digits = 0.0
            if arguments.count == 2 {
                guard case .constant(let c) = try evaluate(arguments[1]), let d = c.number, d == d.rounded(), (0...15).contains(d) else {
                    throw Diagnostic(arguments[1].position, "round() takes a whole number of digits from 0 to 15 as its second argument")
                }
                digits = d
            }
            let scale = powerOfTen(Int(digits))
            result = x.map { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }
        }
        if case .constant = value { return .constant(.decimal(result.first ?? .nan)) }
        return .vector(.data(.decimal(result)))
    }
}

/// 10 to the power `n`, without Foundation.
func powerOfTen(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
}

/// The function names, for completion and `.help`.
public var functionNames: [String] { Function.allCases.map(\.rawValue) }
