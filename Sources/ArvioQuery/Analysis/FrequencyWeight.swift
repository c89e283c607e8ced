import ArvioData

/// A frequency-weight column (`weight n`, as PSPP's WEIGHT and Stata's `[fw=]`): row i stands
/// for n_i identical cases. Only whole numbers ≥ 0 are accepted, since every count and exact
/// test downstream counts cases; a fraction, a negative or a missing weight is an error that
/// names the row.
enum FrequencyWeight {
    /// The weight of every row of `frame`, read from the column `token` names; looks at the
    /// cancel flag every block of rows.
    static func read(frame: Frame, token: Token, context: EvaluationContext) throws(Diagnostic) -> [Int] {
        let column = try context.column(token.text, in: frame.table, at: token.position)
        let data = try frame.data(of: column, context: context, at: token.position)
        switch data {
        case .integer, .decimal: break
        case .text, .categorical:
            throw Diagnostic(token.position, "the weight \"\(column.name)\" is not a number column; a frequency weight counts cases, as in weight n")
        }
        var weights = [Int](repeating: 0, count: data.count)
        for row in 0..<data.count {
            if row % EvaluationContext.chunk == 0 { try context.checkCancelled(at: token.position) }
            guard let value = data.number(at: row) else {
                throw Diagnostic(token.position, "the weight \"\(column.name)\" is missing in row \(row + 1); every row needs a whole-number count ≥ 0")
            }
            // Int holds 9.2e18, but past 1e15 a Double no longer counts every whole number.
            if value >= 1e15 {
                throw Diagnostic(token.position, "the weight \"\(column.name)\" is \(NumberFormat.plain(value)) in row \(row + 1), which is too large; a frequency weight counts cases, fewer than 10^15 for one row")
            }
            guard value >= 0, value == value.rounded() else {
                throw Diagnostic(token.position, "the weight \"\(column.name)\" is \(NumberFormat.plain(value)) in row \(row + 1); a frequency weight must be a whole number ≥ 0 (the exact tests count cases)")
            }
            weights[row] = Int(value)
        }
        return weights
    }
}

extension FrequencyWeight {
    /// The most cases `expand` repeats rows into; a weighted table standing for more is refused
    /// rather than held in memory (crosstab counts weights without repeating rows and has no limit).
    static let caseLimit = 10_000_000

    /// `frame` with row i repeated weight_i times, so every count, quantile and test after it
    /// counts cases, as PSPP's WEIGHT and Stata's [fw=] do; the note says so.
    static func expand(_ frame: Frame, token: Token, context: EvaluationContext) throws(Diagnostic) -> (Frame, Localized) {
        let weights = try read(frame: frame, token: token, context: context)
        var total = 0
        for (i, w) in weights.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: token.position) }
            total += w
            if total > caseLimit {
                throw Diagnostic(token.position, "the weight \"\(token.text)\" stands for more than \(NumberFormat.count(Double(caseLimit))) cases; describe, freq and associate repeat each row as many times as its weight, up to \(NumberFormat.count(Double(caseLimit))) cases (crosstab has no such limit)")
            }
        }
        try context.checkCancelled(at: token.position)
        var rows: [Int] = []
        rows.reserveCapacity(total)
        let base = frame.rows
        // Checked by rows made, as a join checks: one row can stand for very many cases.
        var nextCheck = EvaluationContext.chunk
        for (i, w) in weights.enumerated() where w > 0 {
            if rows.count >= nextCheck {
                try context.checkCancelled(at: token.position)
                nextCheck = rows.count + EvaluationContext.chunk
            }
            let row = base?[i] ?? i
            for _ in 0..<w { rows.append(row) }
        }
        var next = frame
        next.rows = rows
        return (next, note(token.text, cases: total, rows: weights.count))
    }

    /// The note under a weighted result: the weight, and how many cases the rows stand for.
    static func note(_ weight: String, cases: Int, rows: Int) -> Localized {
        Localized(en: "rows weighted by \(weight) (frequency weights: each row counts as \(weight) cases; \(cases) cases from \(rows) rows)",
                  fi: "rivit on painotettu sarakkeella \(weight) (frekvenssipaino: rivi lasketaan \(weight) tapauksena; \(cases) tapausta \(rows) riviltä)")
    }
}
