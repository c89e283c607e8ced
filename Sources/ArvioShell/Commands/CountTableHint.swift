import ArvioData

/// The note `.load` gives when a table looks like a table of counts (R's as.data.frame of a
/// table, `Sex, Survived, n`): it is read one row per case, and `weight n` counts it.
enum CountTableHint {
    /// Names a count column goes by (R's Freq, dplyr's n, Finnish lkm).
    static let countNames: Set<String> = ["n", "freq", "frequency", "count", "counts", "cases", "weight",
                                          "lkm", "lukumäärä", "määrä", "frekvenssi", "tapauksia"]
    /// Larger tables are not checked: counted tables are small, and checking costs a pass.
    static let rowLimit = 100_000

    /// The note for `table`, or nil when it does not look like counts: its only number column holds
    /// whole numbers ≥ 0 (none missing), and each row is a different combination of the others;
    /// without a count-like name, there are also at least two other columns and none is an identifier.
    static func note(for table: Table) -> Localized? {
        guard table.rowCount >= 2, table.rowCount <= rowLimit else { return nil }
        let numeric = table.columns.filter { $0.type == .integer || $0.type == .decimal }
        guard numeric.count == 1, let count = numeric.first, case .integer(let values) = count.data,
              values.allSatisfy({ !Missing.isMissing($0) && $0 >= 0 }) else { return nil }
        let others = table.columns.filter { $0.name != count.name }
        guard !others.isEmpty else { return nil }
        let keys = others.map(rowKeys)
        var seen = Set<[Int]>()
        for row in 0..<table.rowCount where !seen.insert(keys.map { $0[row] }).inserted { return nil }
        if !countNames.contains(count.name.lowercased()) {
            guard others.count >= 2, keys.allSatisfy({ Set($0).count < table.rowCount }) else { return nil }
        }
        let cells = others.map(\.name).joined(separator: " × ")
        // Checked: a hostile file's counts can sum past Int64, and the note must not trap the load.
        var sum: Int64? = 0
        for value in values {
            guard let s = sum else { break }
            let (next, overflow) = s.addingReportingOverflow(value)
            sum = overflow ? nil : next
        }
        let total = sum.map { "\($0)" } ?? "more than \(Int64.max)"
        let totalFi = sum.map { "\($0)" } ?? "yli \(Int64.max)"
        return Localized(
            en: "\(count.name) looks like a count (the only number column, whole numbers, one row per \(cells)); each row is read as one case: add weight \(count.name) to crosstab, freq, describe or associate to count its \(total) cases",
            fi: "\(count.name) näyttää frekvenssiltä (ainoa lukusarake, kokonaislukuja, yksi rivi kutakin \(cells)-yhdistelmää kohden); kukin rivi luetaan yhdeksi tapaukseksi: lisää crosstabiin, freqiin, describeen tai associateen weight \(count.name), niin sen \(totalFi) tapausta lasketaan")
    }

    /// A number per row standing for the row's value (equal values, equal numbers; missing is -1).
    private static func rowKeys(_ column: Column) -> [Int] {
        switch column.data {
        case .categorical(let c, _): return c.codes.widened.map { Int($0) - 1 }
        case .text(let v):
            var index: [String: Int] = [:]
            return v.map { value in
                guard let value else { return -1 }
                if let k = index[value] { return k }
                index[value] = index.count
                return index.count - 1
            }
        case .integer(let v): return v.map { Int(truncatingIfNeeded: $0) }
        case .decimal(let v): return v.map { Int(truncatingIfNeeded: $0.bitPattern) }
        }
    }
}

extension Interpreter {
    /// "; n looks like a count ..." for `.load`'s confirmation, or nothing.
    func countHint(_ table: Table) -> String {
        CountTableHint.note(for: table).map { "; " + $0.text(settings.language) } ?? ""
    }
}
