extension Expression {
    /// The names of the columns the expression reads, anywhere in it (function arguments and
    /// lists included). Walked with a stack of its own, so a deep expression costs no recursion.
    public var columnNames: Set<String> {
        var names: Set<String> = []
        var pending: [Expression] = [self]
        while let expression = pending.popLast() {
            switch expression.kind {
            case .integer, .decimal, .string, .boolean, .missing:
                break
            case .column(let name):
                names.insert(name)
            case .list(let items):
                pending += items
            case .unary(_, let operand):
                pending.append(operand)
            case .binary(_, let left, let right):
                pending += [left, right]
            case .chain(let first, let links):
                pending.append(first)
                pending += links.map(\.operand)
            case .membership(let subject, let items, _):
                pending.append(subject)
                pending += items
            case .missingTest(let subject, _):
                pending.append(subject)
            case .between(let subject, let low, let high):
                pending += [subject, low, high]
            case .call(_, let arguments):
                pending += arguments
            }
        }
        return names
    }
}
