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

    /// Reads `data`, or says why the column is skipped; throws `StatsError.cancelled` once
    /// `isCancelled` is set (looked at every block of rows).
    static func make(name: String, data: ColumnData, isCancelled: (@Sendable () -> Bool)? = nil) throws -> Result<AssociationVariable, SkipReason> {
        let check = CancelCheck(isCancelled)
        try check.check()
        switch data {
        case .integer, .decimal, .categorical(_, true):
            let numbers = try Self.numbers(data, isCancelled)
            if let reason = try distinctness(numbers, isInteger: data.type == .integer, check) { return .failure(reason) }
            let kind: Kind = data.type == .ordinal ? .ordinal : .numeric
            return .success(AssociationVariable(name: name, kind: kind, values: numbers, categories: []))
        case .categorical(let c, false):
            // Straight from the codes at their stored width: no widened copy, no ids.
            var used = [Int](repeating: 0, count: c.levels.count + 1)
            try c.codes.withBuffer { buffer throws in
                func count<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) throws {
                    try check.blocks(codes.count) { range in
                        for i in range { used[Int(codes[i])] += 1 }
                    }
                }
                switch buffer {
                case .u8(let b): try count(b)
                case .u16(let b): try count(b)
                case .u32(let b): try count(b)
                }
            }
            let present = c.levels.indices.filter { used[$0 + 1] > 0 }
            if present.count < 2 { return .failure(.constant) }
            if present.count == used.dropFirst().reduce(0, +) { return .failure(.identifier) }
            // The value of each code: its position among the present levels, NaN for missing.
            var valueOfCode = [Double](repeating: .nan, count: c.levels.count + 1)
            for (i, level) in present.enumerated() { valueOfCode[level + 1] = Double(i) }
            let poll = CancelPoll(isCancelled: isCancelled)
            let values = c.codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): poll.array(b.count) { valueOfCode[Int(b[$0])] }
                case .u16(let b): poll.array(b.count) { valueOfCode[Int(b[$0])] }
                case .u32(let b): poll.array(b.count) { valueOfCode[Int(b[$0])] }
                }
            }
            if poll.stopped { throw StatsError.cancelled }
            return .success(AssociationVariable(name: name, kind: present.count == 2 ? .binary : .nominal,
                                                values: values, categories: present.map { c.levels[$0].value }))
        case .text(let t):
            var index: [String: Int] = [:]
            var names: [String] = []
            var ids = [Int](repeating: -1, count: t.count)
            try check.blocks(t.count) { range in
                for i in range {
                    guard let value = t[i] else { continue }
                    if let known = index[value] {
                        ids[i] = known
                    } else {
                        index[value] = names.count
                        ids[i] = names.count
                        names.append(value)
                    }
                }
            }
            return try categorical(name, ids, Array(names.indices), names, check)
        }
    }

    /// The numbers of an ordered column (NaN for missing), as `PairingValues.numbers` reads
    /// them, written in blocks that look at the flag and split between the cores: the doubles
    /// of 10M rows are 80 MB of fresh pages.
    private static func numbers(_ data: ColumnData, _ isCancelled: (@Sendable () -> Bool)?) throws -> [Double] {
        let poll = CancelPoll(isCancelled: isCancelled)
        let numbers: [Double]
        switch data {
        case .decimal(let v): return v
        case .integer(let v):
            numbers = v.decimals(poll)
        case .categorical(let c, _):
            let table = [Double.nan] + c.levels.enumerated().map { $0.element.number ?? Double($0.offset + 1) }
            numbers = c.codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): poll.array(b.count) { table[Int(b[$0])] }
                case .u16(let b): poll.array(b.count) { table[Int(b[$0])] }
                case .u32(let b): poll.array(b.count) { table[Int(b[$0])] }
                }
            }
        case .text: return []
        }
        if poll.stopped { throw StatsError.cancelled }
        return numbers
    }

    /// Why a free-text column is skipped, read with no more of it than it takes to tell: an
    /// identifier or a constant is named as such, any other is free text.
    static func textSkip(_ t: [String?], isCancelled: (@Sendable () -> Bool)?) throws -> SkipReason {
        var seen = Set<String>()
        var repeated = false
        var done = false
        try CancelCheck(isCancelled).blocks(t.count) { range in
            guard !done else { return }
            for i in range {
                guard let value = t[i] else { continue }
                if !seen.insert(value).inserted { repeated = true }
                // Two values and a repeat: neither constant nor an identifier.
                if repeated && seen.count >= 2 { done = true; return }
            }
        }
        if seen.count < 2 { return .constant }
        return repeated ? .freeText : .identifier
    }

    /// Constant (fewer than two values), an identifier (whole numbers all different), or nil;
    /// stops reading once both are ruled out, which in survey data is within the first rows.
    private static func distinctness(_ numbers: [Double], isInteger: Bool, _ check: CancelCheck) throws -> SkipReason? {
        var seen = Set<Double>()
        var repeated = false, done = false
        var present = 0
        try check.blocks(numbers.count) { range in
            guard !done else { return }
            for i in range where !numbers[i].isNaN {
                present += 1
                if !seen.insert(numbers[i]).inserted { repeated = true }
                if seen.count >= 2 && (repeated || !isInteger) { done = true; return }
            }
        }
        if seen.count < 2 { return .constant }
        // Whole numbers all different (1..54) number the rows rather than measure anything.
        if isInteger, !repeated, present > 2 { return .identifier }
        return nil
    }

    private static func categorical(_ name: String, _ ids: [Int], _ present: [Int], _ names: [String],
                                    _ check: CancelCheck) throws -> Result<AssociationVariable, SkipReason> {
        var nonMissing = 0
        try check.blocks(ids.count) { range in
            for i in range where ids[i] >= 0 { nonMissing += 1 }
        }
        if present.count < 2 { return .failure(.constant) }
        if present.count == nonMissing { return .failure(.identifier) }
        var dense = [Int](repeating: -1, count: names.count)
        for (i, p) in present.enumerated() { dense[p] = i }
        var values = [Double](repeating: .nan, count: ids.count)
        try check.blocks(ids.count) { range in
            for i in range where ids[i] >= 0 { values[i] = Double(dense[ids[i]]) }
        }
        return .success(AssociationVariable(name: name, kind: present.count == 2 ? .binary : .nominal,
                                            values: values, categories: present.map { names[$0] }))
    }

    /// Why a column is left out.
    enum SkipReason: Error {
        case constant, identifier, freeText
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
    /// Throws `StatsError.cancelled` once `isCancelled` is set: every pass over the pairs, the
    /// ranking and sorting included, looks at it every `CancelCheck.block` steps.
    static func measure(_ outcome: AssociationVariable, _ x: AssociationVariable, seed: UInt64,
                        isCancelled: (@Sendable () -> Bool)? = nil) throws -> AssociationMeasure? {
        let check = CancelCheck(isCancelled)
        var a: [Double] = [], b: [Double] = []
        a.reserveCapacity(outcome.values.count)
        b.reserveCapacity(outcome.values.count)
        try check.blocks(outcome.values.count) { range in
            for i in range where !outcome.values[i].isNaN && !x.values[i].isNaN {
                a.append(outcome.values[i]); b.append(x.values[i])
            }
        }
        // The pairs are 2 × 80 MB at 10M rows, and handing the pages back is ~10 ms: done on the
        // release thread, so that the next column (or the prompt after Ctrl-C) needn't wait.
        let measured: AssociationMeasure?
        do {
            measured = try measure(outcome, x, a, b, seed: seed, check, isCancelled)
        } catch {
            LaterRelease.release((consume a, consume b))
            throw error
        }
        LaterRelease.release((consume a, consume b))
        return measured
    }

    /// `measure` of the complete pairs `a` (the outcome's) and `b` (the other column's).
    private static func measure(_ outcome: AssociationVariable, _ x: AssociationVariable, _ a: [Double], _ b: [Double],
                                seed: UInt64, _ check: CancelCheck, _ isCancelled: (@Sendable () -> Bool)?) throws -> AssociationMeasure? {
        let n = a.count
        // Two values at least on each side: one comparison per value, where a set of the values
        // hashed every row (a sixth of `associate` on a million rows).
        guard n >= 3, a.contains(where: { $0 != a[0] }), b.contains(where: { $0 != b[0] }) else { return nil }
        try check.check()
        // A measure that fails on these data (no variance, say) is no measure; a cancellation stops the verb.
        func attempt<T>(_ body: () throws -> T) throws -> T? {
            do { return try body() } catch StatsError.cancelled { throw StatsError.cancelled } catch { return nil }
        }
        let permute = n <= permutationLimit
        switch (outcome.isOrdered, x.isOrdered) {
        case (true, true) where outcome.kind == .ordinal && x.kind == .ordinal:
            let ra = try dense(a, check), rb = try dense(b, check)
            guard let full = try attempt({ try OrdinalAssociation(table(ra, rb, check)) }) else { return nil }
            let p = permute ? try attempt({ try PermutationTest(x: ra, y: rb, seed: seed, isCancelled: isCancelled) { u, v in try OrdinalAssociation(table(u, v)).tauB } }) : nil
            return AssociationMeasure(measure: Localized(en: "Kendall tau-b", fi: "Kendallin tau-b"), value: full.tauB, count: n,
                                      p: p?.pValue ?? full.tauBTest.pValue, method: (p?.testMethod ?? full.tauBTest.testMethod).localized)
        case (true, true):
            guard let rho = try attempt({ try Correlation(a, b, kind: .spearman, isCancelled: isCancelled) }) else { return nil }
            // The ranks of a shuffle are the shuffled ranks: ranked once, each shuffle is one r.
            let p = permute ? try attempt({
                try PermutationTest(x: Ranking.midranks(a), y: Ranking.midranks(b), seed: seed, isCancelled: isCancelled) { u, v in
                    try Correlation.pearsonCoefficient(u, v)
                }
            }) : nil
            return AssociationMeasure(measure: Localized(en: "Spearman rho", fi: "Spearmanin rho"), value: rho.coefficient, count: n,
                                      p: p?.pValue ?? rho.pValue, method: (p?.testMethod ?? rho.testMethod).localized)
        case (false, false):
            let ra = try dense(a, check), rb = try dense(b, check)
            guard let t = try attempt({ try table(ra, rb, check) }) else { return nil }
            let v = NominalAssociation(t).cramersV
            // A screen of many pairs: a second of exact network per pair, then Monte Carlo.
            let fisher = try attempt { try FisherExactTest(t, timeLimit: FisherExactTest.screeningTimeLimit, seed: seed, isCancelled: isCancelled) }
            return AssociationMeasure(measure: Localized(en: "Cramér's V", fi: "Cramérin V"), value: v, count: n, p: fisher?.pValue ?? .nan,
                                      method: fisher.map { Localized(en: "Fisher, \($0.testMethod.localized.en)", fi: "Fisher, \($0.testMethod.localized.fi)") } ?? Localized(""))
        default:
            let (values, groups, grouping) = outcome.isOrdered ? (a, b, x) : (b, a, outcome)
            let ordered = outcome.isOrdered ? outcome : x
            if grouping.kind == .binary {
                // Reserved, not touched: each grows into its pages within the polled pass.
                var high: [Double] = [], low: [Double] = []
                high.reserveCapacity(values.count)
                low.reserveCapacity(values.count)
                try check.blocks(values.count) { range in
                    for i in range {
                        if groups[i] == 1 { high.append(values[i]) } else { low.append(values[i]) }
                    }
                }
                guard let test = try attempt({ try MannWhitneyUTest(high, low, isCancelled: isCancelled) }) else { return nil }
                let cats = grouping.categories
                return AssociationMeasure(measure: Localized(en: "rank-biserial r (\(ordered.name): \(cats[1]) vs \(cats[0]))",
                                                                   fi: "sijalukubiseriaalinen r (\(ordered.name): \(cats[1]) vs. \(cats[0]))"),
                                          value: test.rankBiserial, count: n, p: test.pValue,
                                          method: Localized(en: "Mann–Whitney, \(test.testMethod.localized.en)", fi: "Mann–Whitney, \(test.testMethod.localized.fi)"))
            }
            let labels = try check.array(groups.count) { Int(groups[$0]) }
            guard let eta = try attempt({ try CorrelationRatio(values: values, groups: labels, isCancelled: isCancelled) }) else { return nil }
            let p = permute ? try attempt({ try PermutationTest(x: values, y: labels, seed: seed, isCancelled: isCancelled) { u, v in try CorrelationRatio(values: u, groups: v).eta } }) : nil
            return AssociationMeasure(measure: Localized("eta"), value: eta.eta, count: n, p: p?.pValue ?? eta.pValue,
                                      method: (p?.testMethod ?? eta.testMethod).localized)
        }
    }

    /// Dense 0-based ranks of the distinct values, ascending.
    private static func dense(_ x: [Double], _ check: CancelCheck = CancelCheck(nil)) throws -> [Int] {
        var seen = Set<Double>()
        try check.blocks(x.count) { range in
            for i in range { seen.insert(x[i]) }
        }
        var index: [Double: Int] = [:]
        for (i, v) in seen.sorted().enumerated() { index[v] = i }
        return try check.array(x.count) { index[x[$0]]! }
    }

    /// The cross-table of two dense code arrays.
    private static func table(_ a: [Int], _ b: [Int], _ check: CancelCheck = CancelCheck(nil)) throws -> ContingencyTable {
        let rows = (a.max() ?? 0) + 1, columns = (b.max() ?? 0) + 1
        var counts = [[Int]](repeating: [Int](repeating: 0, count: columns), count: rows)
        try check.blocks(a.count) { range in
            for i in range { counts[a[i]][b[i]] += 1 }
        }
        return try ContingencyTable(counts)
    }
}
