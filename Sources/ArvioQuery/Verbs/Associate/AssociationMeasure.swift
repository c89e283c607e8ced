import ArvioData
import ArvioStats

/// One column's values for `associate`, read by kind: numbers, scale ranks, or category codes.
struct AssociationVariable {
    /// How the column is measured.
    enum Kind: String {
        case numeric, ordinal, binary, nominal
    }
    var name: String
    var kind: Kind
    /// Numbers (numeric, ordinal scale numbers) or category indices (binary, nominal); NaN missing.
    var values: [Double]
    /// Names of the categories, for binary and nominal columns.
    var categories: [String]

    /// Reads `data`, or says why the column is skipped.
    static func make(name: String, data: ColumnData) -> Result<AssociationVariable, SkipReason> {
        switch data {
        case .integer, .decimal, .categorical(_, true):
            let numbers = PairingValues.numbersIfOrdered(data) ?? []
            let present = numbers.filter { !$0.isNaN }
            let distinct = Set(present).count
            if distinct < 2 { return .failure(.constant) }
            // Whole numbers all different (1..54) number the rows rather than measure anything.
            if case .integer = data, distinct == present.count, present.count > 2 { return .failure(.identifier) }
            let kind: Kind = data.type == .ordinal ? .ordinal : .numeric
            return .success(AssociationVariable(name: name, kind: kind, values: numbers, categories: []))
        case .categorical(let c, false):
            let codes = c.codes.widened
            var used = [Int](repeating: 0, count: c.levels.count + 1)
            for code in codes { used[Int(code)] += 1 }
            let present = (1...max(1, c.levels.count)).filter { $0 <= c.levels.count && used[$0] > 0 }
            return categorical(name, codes.map { Int($0) - 1 }, present.map { $0 - 1 }, c.levels.map(\.value))
        case .text(let t):
            var index: [String: Int] = [:]
            var names: [String] = []
            let ids = t.map { value -> Int in
                guard let value else { return -1 }
                if let i = index[value] { return i }
                index[value] = names.count
                names.append(value)
                return names.count - 1
            }
            return categorical(name, ids, Array(names.indices), names)
        }
    }

    private static func categorical(_ name: String, _ ids: [Int], _ present: [Int], _ names: [String]) -> Result<AssociationVariable, SkipReason> {
        let nonMissing = ids.filter { $0 >= 0 }.count
        if present.count < 2 { return .failure(.constant) }
        if present.count == nonMissing { return .failure(.identifier) }
        var dense = [Int](repeating: -1, count: names.count)
        for (i, p) in present.enumerated() { dense[p] = i }
        return .success(AssociationVariable(name: name, kind: present.count == 2 ? .binary : .nominal,
                                            values: ids.map { $0 < 0 ? .nan : Double(dense[$0]) },
                                            categories: present.map { names[$0] }))
    }

    /// Why a column is left out.
    enum SkipReason: Error {
        case constant, identifier
    }

    var isOrdered: Bool { kind == .numeric || kind == .ordinal }
}

/// The strength of association between two variables, the measure chosen by their kinds, with
/// an exact or seeded-permutation p-value.
struct AssociationMeasure {
    var measure: Localized
    var value: Double
    var count: Int
    var p: Double
    var method: Localized

    /// Above this many complete pairs a permutation p gives way to the measure's own asymptotic test.
    static let permutationLimit = 5000

    /// Measures `x` (the other column) against `outcome`; nil when too few complete pairs.
    /// A cancelled permutation (`isCancelled`) falls back to the asymptotic p; the caller then stops.
    static func measure(_ outcome: AssociationVariable, _ x: AssociationVariable, seed: UInt64,
                        isCancelled: (@Sendable () -> Bool)? = nil) -> AssociationMeasure? {
        var a: [Double] = [], b: [Double] = []
        for i in outcome.values.indices where !outcome.values[i].isNaN && !x.values[i].isNaN {
            a.append(outcome.values[i]); b.append(x.values[i])
        }
        let n = a.count
        // Two values at least on each side: one comparison per value, where a set of the values
        // hashed every row (a sixth of `associate` on a million rows).
        guard n >= 3, a.contains(where: { $0 != a[0] }), b.contains(where: { $0 != b[0] }) else { return nil }
        // The measures below take no cancel flag; the verb looks at it between columns, and a
        // column's preparation already done is not worth a measure once the user has asked to stop.
        if let isCancelled, isCancelled() { return nil }
        let permute = n <= permutationLimit
        switch (outcome.isOrdered, x.isOrdered) {
        case (true, true) where outcome.kind == .ordinal && x.kind == .ordinal:
            let ra = dense(a), rb = dense(b)
            guard let full = try? OrdinalAssociation(table(ra, rb)) else { return nil }
            let p = permute ? (try? PermutationTest(x: ra, y: rb, seed: seed, isCancelled: isCancelled) { u, v in try OrdinalAssociation(table(u, v)).tauB }) : nil
            return AssociationMeasure(measure: Localized(en: "Kendall tau-b", fi: "Kendallin tau-b"), value: full.tauB, count: n,
                                      p: p?.pValue ?? full.tauBTest.pValue, method: (p?.testMethod ?? full.tauBTest.testMethod).localized)
        case (true, true):
            guard let rho = try? Correlation(a, b, kind: .spearman) else { return nil }
            let p = permute ? (try? PermutationTest(x: a, y: b, seed: seed, isCancelled: isCancelled) { u, v in try Correlation(u, v, kind: .spearman).coefficient }) : nil
            return AssociationMeasure(measure: Localized(en: "Spearman rho", fi: "Spearmanin rho"), value: rho.coefficient, count: n,
                                      p: p?.pValue ?? rho.pValue, method: (p?.testMethod ?? rho.testMethod).localized)
        case (false, false):
            let ra = dense(a), rb = dense(b)
            guard let t = try? table(ra, rb) else { return nil }
            let v = NominalAssociation(t).cramersV
            // A screen of many pairs: a second of exact network per pair, then Monte Carlo.
            let fisher = try? FisherExactTest(t, timeLimit: FisherExactTest.screeningTimeLimit, seed: seed, isCancelled: isCancelled)
            return AssociationMeasure(measure: Localized(en: "Cramér's V", fi: "Cramérin V"), value: v, count: n, p: fisher?.pValue ?? .nan,
                                      method: fisher.map { Localized(en: "Fisher, \($0.testMethod.localized.en)", fi: "Fisher, \($0.testMethod.localized.fi)") } ?? Localized(""))
        default:
            let (values, groups, grouping) = outcome.isOrdered ? (a, b, x) : (b, a, outcome)
            let ordered = outcome.isOrdered ? outcome : x
            if grouping.kind == .binary {
                let high = values.indices.filter { groups[$0] == 1 }.map { values[$0] }
                let low = values.indices.filter { groups[$0] == 0 }.map { values[$0] }
                guard let test = try? MannWhitneyUTest(high, low) else { return nil }
                let cats = grouping.categories
                return AssociationMeasure(measure: Localized(en: "rank-biserial r (\(ordered.name): \(cats[1]) vs \(cats[0]))",
                                                                   fi: "sijalukubiseriaalinen r (\(ordered.name): \(cats[1]) vs. \(cats[0]))"),
                                          value: test.rankBiserial, count: n, p: test.pValue,
                                          method: Localized(en: "Mann–Whitney, \(test.testMethod.localized.en)", fi: "Mann–Whitney, \(test.testMethod.localized.fi)"))
            }
            let labels = groups.map { Int($0) }
            guard let eta = try? CorrelationRatio(values: values, groups: labels) else { return nil }
            let p = permute ? (try? PermutationTest(x: values, y: labels, seed: seed, isCancelled: isCancelled) { u, v in try CorrelationRatio(values: u, groups: v).eta }) : nil
            return AssociationMeasure(measure: Localized("eta"), value: eta.eta, count: n, p: p?.pValue ?? eta.pValue,
                                      method: (p?.testMethod ?? eta.testMethod).localized)
        }
    }

    /// Dense 0-based ranks of the distinct values, ascending.
    private static func dense(_ x: [Double]) -> [Int] {
        let order = Array(Set(x)).sorted()
        var index: [Double: Int] = [:]
        for (i, v) in order.enumerated() { index[v] = i }
        return x.map { index[$0]! }
    }

    /// The cross-table of two dense code arrays.
    private static func table(_ a: [Int], _ b: [Int]) throws -> ContingencyTable {
        let rows = (a.max() ?? 0) + 1, columns = (b.max() ?? 0) + 1
        var counts = [[Int]](repeating: [Int](repeating: 0, count: columns), count: rows)
        for i in a.indices { counts[a[i]][b[i]] += 1 }
        return try ContingencyTable(counts)
    }
}
