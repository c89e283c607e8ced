import ArvioData
import ArvioStats

/// What a cell of `crosstab` shows: `crosstab a by b cells count, row, expected, adjresid`;
/// with `ci`, the Wilson 95% bounds of each percentage kind asked for as kinds of their own.
public enum CrosstabCell: String, CaseIterable, Sendable {
    case count
    case row
    case column
    case total
    case expected
    case resid
    case adjresid
    case rowLow = "row_low"
    case rowHigh = "row_high"
    case columnLow = "column_low"
    case columnHigh = "column_high"
    case totalLow = "total_low"
    case totalHigh = "total_high"

    /// The kinds `cells` names; the interval bounds come only with `ci`, after their percentage.
    static let named: [CrosstabCell] = [.count, .row, .column, .total, .expected, .resid, .adjresid]

    /// The words `cells` accepts: each kind's name, `col` for `column`, and `all`.
    static func named(_ word: String) -> [CrosstabCell]? {
        if word == "all" { return named }
        if word == "col" { return [.column] }
        return CrosstabCell(rawValue: word).flatMap { named.contains($0) ? [$0] : nil }
    }

    /// The words to suggest from when a cell kind is mistyped.
    static var words: [String] { named.map(\.rawValue) + ["col", "all"] }

    /// The lower and upper bound kinds of a percentage kind, or nil for the others.
    var bounds: [CrosstabCell]? {
        switch self {
        case .row: [.rowLow, .rowHigh]
        case .column: [.columnLow, .columnHigh]
        case .total: [.totalLow, .totalHigh]
        default: nil
        }
    }

    /// `cells` with each percentage kind followed by its interval bounds (`ci`).
    static func withIntervals(_ cells: [CrosstabCell]) -> [CrosstabCell] {
        cells.flatMap { [$0] + ($0.bounds ?? []) }
    }

    /// How the kind reads in the `cell` column.
    var label: Localized {
        switch self {
        case .count: Localized(en: "count", fi: "lukumäärä")
        case .row: Localized(en: "row %", fi: "rivi-%")
        case .column: Localized(en: "column %", fi: "sarake-%")
        case .total: Localized(en: "total %", fi: "kokonais-%")
        case .expected: Localized(en: "expected", fi: "odotettu")
        case .resid: Localized(en: "residual", fi: "residuaali")
        case .adjresid: Localized(en: "adj. residual", fi: "korj. residuaali")
        case .rowLow: Localized(en: "row % low", fi: "rivi-% ala")
        case .rowHigh: Localized(en: "row % high", fi: "rivi-% ylä")
        case .columnLow: Localized(en: "column % low", fi: "sarake-% ala")
        case .columnHigh: Localized(en: "column % high", fi: "sarake-% ylä")
        case .totalLow: Localized(en: "total % low", fi: "kokonais-% ala")
        case .totalHigh: Localized(en: "total % high", fi: "kokonais-% ylä")
        }
    }

    /// How the kind's numbers are shown: counts whole, shares as percentages, expected counts
    /// and residuals with the report's places.
    var format: ColumnFormat? {
        switch self {
        case .count: .count
        case .row, .column, .total, .rowLow, .rowHigh, .columnLow, .columnHigh, .totalLow, .totalHigh: .percent
        case .expected, .resid, .adjresid: nil
        }
    }

    /// The cell of category `i` of the rows and `j` of the columns (nil = the margin) in
    /// `table`; nil where the kind has no margin (residuals).
    func value(_ table: CrosstabCounts, _ i: Int?, _ j: Int?) -> Double? {
        let n = Double(table.total)
        let observed = Double(table.count(i, j))
        let rowTotal = Double(table.count(i, nil)), columnTotal = Double(table.count(nil, j))
        switch self {
        case .count: return observed
        case .row: return rowTotal > 0 ? 100 * observed / rowTotal : nil
        case .column: return columnTotal > 0 ? 100 * observed / columnTotal : nil
        case .total: return n > 0 ? 100 * observed / n : nil
        case .expected: return n > 0 ? rowTotal * columnTotal / n : nil
        case .resid, .adjresid:
            guard i != nil, j != nil, n > 0 else { return nil }
            let expected = rowTotal * columnTotal / n
            guard expected > 0 else { return nil }
            if self == .resid { return (observed - expected) / expected.squareRoot() }
            let shrink = (1 - rowTotal / n) * (1 - columnTotal / n)
            return shrink > 0 ? (observed - expected) / (expected * shrink).squareRoot() : nil
        case .rowLow, .rowHigh:
            // The total column's row % is 100% by definition: no interval.
            guard j != nil else { return nil }
            return Self.bound(table.count(i, j), of: table.count(i, nil), upper: self == .rowHigh)
        case .columnLow, .columnHigh:
            guard i != nil else { return nil }
            return Self.bound(table.count(i, j), of: table.count(nil, j), upper: self == .columnHigh)
        case .totalLow, .totalHigh:
            guard i != nil || j != nil else { return nil }
            return Self.bound(table.count(i, j), of: table.total, upper: self == .totalHigh)
        }
    }

    /// A bound of the Wilson 95% interval of x / n in percent; nil when n is 0.
    private static func bound(_ x: Int, of n: Int, upper: Bool) -> Double? {
        guard let interval = try? WilsonInterval(successes: x, trials: n) else { return nil }
        return 100 * (upper ? interval.upper : interval.lower)
    }
}

/// The counts of a cross-tabulation over the categories that occur, with margins.
struct CrosstabCounts {
    /// `counts[i][j]`: rows with row category i and column category j.
    var counts: [[Int]]
    /// The row sums.
    var rowTotals: [Int]
    /// The column sums.
    var columnTotals: [Int]
    /// All counted rows.
    var total: Int

    init(_ counts: [[Int]]) {
        self.counts = counts
        rowTotals = counts.map { $0.reduce(0, +) }
        columnTotals = (0..<(counts.first?.count ?? 0)).map { j in counts.reduce(0) { $0 + $1[j] } }
        total = rowTotals.reduce(0, +)
    }

    /// A cell, a margin (one index nil) or the grand total (both nil).
    func count(_ i: Int?, _ j: Int?) -> Int {
        switch (i, j) {
        case let (i?, j?): counts[i][j]
        case let (i?, nil): rowTotals[i]
        case let (nil, j?): columnTotals[j]
        case (nil, nil): total
        }
    }
}

extension CrosstabCell {
    /// The code of this kind in the `cell` column (1-based, in `allCases` order).
    var code: UInt32 { UInt32((Self.allCases.firstIndex(of: self) ?? 0) + 1) }

    /// The headings of the value columns (nil: the code): in Finnish the Finnish labels when every
    /// one is short (10 cells, so a scale of five still fits 80 columns), since the codes are
    /// usually English words (`yes`, `pre`); in English the codes, which a statement types.
    static func valueHeadings(_ levels: [Level]) -> [Localized?] {
        let finnish = levels.map { $0.label?.fi }
        let short = finnish.allSatisfy { $0.map { !$0.isEmpty && CellWidth.of($0) <= 10 } ?? false }
        return levels.map { level in
            guard short, let fi = level.label?.fi else { return nil }
            return Localized(en: level.value, fi: fi)
        }
    }

    /// The `cell` column that says which kind each row of a many-kind table shows.
    static func kindColumn(_ codes: [UInt32]) -> Column {
        let kinds = allCases.map { Level(value: $0.rawValue, label: $0.label) }
        return Headings.headed(Column(name: "cell", data: .categorical(
            CategoricalData(codes: Codes(codes, levelCount: kinds.count), levels: kinds), ordered: false)))
    }

    /// How the count columns print: with several kinds in one column each row in its own kind's
    /// format (counts whole, percentages and the rest with places), else the one kind's.
    static func format(of cells: [CrosstabCell], showKind: Bool) -> ColumnFormat? {
        showKind
            ? .perRow(column: "cell", formats: Dictionary(uniqueKeysWithValues: cells.compactMap { kind in
                kind.format.map { (kind.rawValue, $0) } }))
            : cells.first?.format
    }
}
