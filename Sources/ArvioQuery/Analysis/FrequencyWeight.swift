import ArvioData

/// A frequency-weight column (`weight n`, as PSPP's WEIGHT and Stata's `[fw=]`): row i stands
/// for n_i identical cases. Only whole numbers ≥ 0 are accepted, since every count and exact
/// test downstream counts cases; a fraction, a negative or a missing weight is an error that
/// names the row.
enum FrequencyWeight {
    /// The weight of every row of `frame`, read from the column `token` names.
    static func read(frame: Frame, token: Token, context: EvaluationContext) throws(Diagnostic) -> [Int] {
        let column = try context.column(token.text, in: frame.table, at: token.position)
        let data = frame.data(of: column)
        switch data {
        case .integer, .decimal: break
        case .text, .categorical:
            throw Diagnostic(token.position, "the weight \"\(column.name)\" is not a number column; a frequency weight counts cases, as in weight n")
        }
        var weights = [Int](repeating: 0, count: data.count)
        for row in 0..<data.count {
            guard let value = data.number(at: row) else {
                throw Diagnostic(token.position, "the weight \"\(column.name)\" is missing in row \(row + 1); every row needs a whole-number count ≥ 0")
            }
            guard value >= 0, value == value.rounded(), value < 1e15 else {
                throw Diagnostic(token.position, "the weight \"\(column.name)\" is \(NumberFormat.plain(value)) in row \(row + 1); a frequency weight must be a whole number ≥ 0 (the exact tests count cases)")
            }
            weights[row] = Int(value)
        }
        return weights
    }
}
