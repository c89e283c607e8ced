/// A compact, fully parenthesised rendering of an expression, for tests and debugging:
/// `(and (> grade 3) (not (is-missing org)))`.
extension Expression: CustomStringConvertible {
    var description: String {
        switch kind {
        case .number(let value, let isWhole): return isWhole ? Int64(exactly: value).map(String.init) ?? "\(value)" : "\(value)"
        case .string(let text): return "\"\(text)\""
        case .boolean(let value): return value ? "true" : "false"
        case .missing: return "missing"
        case .list(let items): return "[" + items.map(\.description).joined(separator: " ") + "]"
        case .column(let name): return name.contains(" ") ? "`\(name)`" : name
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l) \(r))"
        case .membership(let subject, let items, let negated):
            return "(\(negated ? "not-in" : "in") \(subject) [" + items.map(\.description).joined(separator: " ") + "])"
        case .missingTest(let subject, let negated): return "(\(negated ? "is-not-missing" : "is-missing") \(subject))"
        case .between(let subject, let low, let high): return "(between \(subject) \(low) \(high))"
        case .call(let name, let arguments): return "(\(name)" + arguments.map { " \($0)" }.joined() + ")"
        }
    }
}
