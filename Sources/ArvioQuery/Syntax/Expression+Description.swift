/// A compact, fully parenthesised rendering of an expression, for tests and debugging:
/// `(and (> grade 3) (not (is-missing org)))`.
extension Expression: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .integer(let value): return "\(value)"
        case .decimal(let value): return "\(value)"
        case .string(let text): return "\"\(text)\""
        case .boolean(let value): return value ? "true" : "false"
        case .missing: return "missing"
        case .list(let items): return "[" + items.map(\.description).joined(separator: " ") + "]"
        case .column(let name): return name.contains(" ") ? "`\(name)`" : name
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l) \(r))"
        case .chain(let first, let links):
            // Shown left-nested, as `(+ (+ a b) c)`, built without recursing along the chain.
            return links.reversed().map { "(\($0.op.rawValue) " }.joined() + first.description
                + links.map { " \($0.operand))" }.joined()
        case .membership(let subject, let items, let negated):
            return "(\(negated ? "not-in" : "in") \(subject) [" + items.map(\.description).joined(separator: " ") + "])"
        case .missingTest(let subject, let negated): return "(\(negated ? "is-not-missing" : "is-missing") \(subject))"
        case .between(let subject, let low, let high): return "(between \(subject) \(low) \(high))"
        case .call(let name, let arguments): return "(\(name)" + arguments.map { " \($0)" }.joined() + ")"
        }
    }
}
