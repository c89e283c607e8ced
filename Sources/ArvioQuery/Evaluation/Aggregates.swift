import ArvioData
import ArvioStats

/// Aggregates, computed for every group in one pass over the rows with dense per-group
/// accumulators. They skip missing values and say how many they skipped in a note. On an
/// ordinal column, `mean`, `median`, `sd` and `sum` use the scale points' numbers (1–5 on a
/// Likert scale); `min` and `max` give the scale point itself.
extension ExpressionEvaluator {
    mutating func aggregate(_ function: Function, _ argument: Expression?, _ whole: Expression) throws(Diagnostic) -> Value {
        let groups = grouping ?? Grouping.single(rowCount: frame.rowCount)
        var rowMode = ExpressionEvaluator(frame: frame, context: context)
        let value = try argument.map { (e: Expression) throws(Diagnostic) -> Value in try rowMode.evaluate(e) }
        notes += rowMode.notes
        try context.checkCancelled(at: whole.operatorPosition)
        let vector = value?.vector(count: frame.rowCount)
        let result: (vector: Vector, skipped: Int)
        if let fast = try columnSums(function, vector, argument, groups, whole) {
            result = fast
        } else {
            result = try compute(function, vector, argument, groups, whole)
        }
        if let argument, result.skipped > 0 {
            let what = "\(function.rawValue)(\(argument.columnName ?? "…"))"
            let plural = result.skipped == 1 ? "" : "s"
            notes.append(Localized(en: "\(what) skipped \(result.skipped) missing value\(plural)",
                                   fi: "\(what) ohitti \(result.skipped) puuttuva\(result.skipped == 1 ? "n" : "a") arvo\(result.skipped == 1 ? "n" : "a")"))
        }
        if function == .pct_low || function == .pct_high {
            // One wording for both bounds, so a step with both says it once.
            let note = Localized(
                en: "pct_low, pct_high: Wilson 95% score interval of pct() over the same rows (those where the condition is known), as R prop.test(correct = FALSE)",
                fi: "pct_low, pct_high: pct()-osuuden Wilsonin 95 %:n luottamusväli samoista riveistä (joilla ehto tiedetään), kuten R:n prop.test(correct = FALSE)")
            if !notes.contains(note) { notes.append(note) }
        }
        if grouping == nil {
            return .constant(context.isBinding ? Self.placeholder(result.vector) : Self.constant(result.vector))
        }
        return .vector(result.vector)
    }

    /// A value of the vector's type, for binding: over no rows an aggregate is missing, but over
    /// the rows it will run on it has a value, and what the expression around it may do with
    /// it depends on its type only (`mean(grade)` is a number, `max(score)` a scale point).
    private static func placeholder(_ v: Vector) -> Constant {
        switch v.columnData {
        case .integer: return .integer(1)
        case .decimal: return .decimal(1)
        case .text: return .text("")
        case .categorical(let c, _): return c.levels.first.map { .text($0.value) } ?? .missing
        }
    }

    /// The only value of a one-row vector, as a constant.
    private static func constant(_ v: Vector) -> Constant {
        switch v.columnData {
        case .integer(let x): return x.first.map { Missing.isMissing($0) ? .missing : .integer($0) } ?? .missing
        case .decimal(let x): return x.first.map { $0.isNaN ? .missing : .decimal($0) } ?? .missing
        case .text(let x): return x.first.flatMap { $0 }.map { .text($0) } ?? .missing
        case .categorical(let c, _): return c.level(at: 0).map { .text($0.value) } ?? .missing
        }
    }

    private func compute(_ function: Function, _ vector: Vector?, _ argument: Expression?, _ groups: Grouping,
                         _ whole: Expression) throws(Diagnostic) -> (vector: Vector, skipped: Int) {
        let g = groups.groupOf
        let groupCount = groups.groupCount
        switch function {
        case .count:
            if let vector, let counts = Self.presentCounts(vector, groups) {
                return (.data(.integer(counts)), 0)
            }
            var counts = [Int64](repeating: 0, count: groupCount)
            if let vector {
                let present = Self.presence(vector)
                for row in g.indices where present[row] { counts[Int(g[row])] += 1 }
            } else {
                for row in g.indices { counts[Int(g[row])] += 1 }
            }
            return (.data(.integer(counts)), 0)
        case .pct:
            return try percent(vector, argument, groups)
        case .pct_low, .pct_high:
            return try percent(vector, argument, groups, bound: function == .pct_high ? .upper : .lower)
        case .n_distinct:
            guard let vector else { return (.data(.integer([])), 0) }
            let poll = CancelPoll(context)
            let ids = OrderedKeys.ids(for: vector.columnData, poll: poll)
            var seen = Set<Int>()
            var counts = [Int64](repeating: 0, count: groupCount)
            poll.blocks(g.indices) { block in
                for row in block where Int(ids.ids[row]) != ids.count - 1 {
                    if seen.insert(Int(g[row]) * ids.count + Int(ids.ids[row])).inserted { counts[Int(g[row])] += 1 }
                }
            }
            try poll.check(at: whole.operatorPosition)
            return (.data(.integer(counts)), 0)
        case .mean, .sum:
            if let vector, let (n, sum) = Self.sums(vector, groups), function == .sum || sum.allSatisfy({ $0.isFinite }) {
                let skipped = vector.count - Int(n.reduce(0, +))
                if function == .sum { return (try Self.checkedSums(sum, of: vector, argument, groups, whole), skipped) }
                return (.data(.decimal(zip(n, sum).map { $0 > 0 ? $1 / Double($0) : .nan })), skipped)
            }
            let values = try numbers(function, vector, argument, whole)
            return try reduce(function, values, groups, keepWhole: vector.map(Self.isInteger) ?? false, at: whole.operatorPosition)
        case .min, .max:
            if case .data(.categorical(let c, true))? = vector {
                return extremeLevel(c, max: function == .max, groups)
            }
            if case .data(.integer(let values))? = vector {
                return Self.wholeExtremes(values, max: function == .max, groups)
            }
            fallthrough
        default:
            let values = try numbers(function, vector, argument, whole)
            return try reduce(function, values, groups, keepWhole: vector.map(Self.isInteger) ?? false, at: whole.operatorPosition)
        }
    }

    /// `min` or `max` of whole numbers compared as whole numbers: through decimals, two values
    /// beyond 2^53 that differ by one would compare equal and print rounded.
    private static func wholeExtremes(_ values: IntegerValues, max: Bool, _ groups: Grouping) -> (vector: Vector, skipped: Int) {
        var result = [Int64](repeating: Missing.integer, count: groups.groupCount)
        var skipped = 0
        for (row, x) in values.enumerated() {
            if Missing.isMissing(x) { skipped += 1; continue }
            let group = Int(groups.groupOf[row])
            let current = result[group]
            if Missing.isMissing(current) || (max ? x > current : x < current) { result[group] = x }
        }
        return (.data(.integer(result)), skipped)
    }

    static func isInteger(_ v: Vector) -> Bool {
        if case .data(.integer) = v { return true }
        return false
    }

    /// Whether each row has a value.
    static func presence(_ vector: Vector) -> [Bool] {
        switch vector {
        case .truth(let t): return t.map { $0 != .unknown }
        case .data(.integer(let v)): return v.map { !Missing.isMissing($0) }
        case .data(.decimal(let v)): return v.map { !$0.isNaN }
        case .data(.text(let v)): return v.map { $0 != nil }
        case .data(.categorical(let c, _)): return c.codes.widened.map { $0 != 0 }
        }
    }

    /// The argument as numbers (NaN missing): numbers as they are, scale points as their numbers.
    private func numbers(_ function: Function, _ vector: Vector?, _ argument: Expression?,
                         _ whole: Expression) throws(Diagnostic) -> [Double] {
        guard let vector, let argument else { return [] }
        if let x = vector.decimals { return x }
        if case .data(.categorical(let c, true)) = vector, c.levels.allSatisfy({ $0.number != nil }) {
            let table = [Double.nan] + c.levels.map { $0.number ?? .nan }
            return c.codes.widened.map { table[Int($0)] }
        }
        throw Diagnostic(argument.position, "\(function.rawValue)() needs numbers, but \(describe(argument)) is \(vector.typeName)")
    }

    private func reduce(_ function: Function, _ x: [Double], _ groups: Grouping,
                        keepWhole: Bool, at position: SourcePosition) throws(Diagnostic) -> (vector: Vector, skipped: Int) {
        let g = groups.groupOf
        let k = groups.groupCount
        var n = [Double](repeating: 0, count: k)
        var mean = [Double](repeating: 0, count: k)
        var m2 = [Double](repeating: 0, count: k)
        var low = [Double](repeating: .infinity, count: k)
        var high = [Double](repeating: -.infinity, count: k)
        var sum = [Double](repeating: 0, count: k)
        var skipped = 0
        for row in x.indices {
            let value = x[row]
            if value.isNaN { skipped += 1; continue }
            let group = Int(g[row])
            n[group] += 1
            let delta = value - mean[group]
            mean[group] += delta / n[group]
            m2[group] += delta * (value - mean[group])
            sum[group] += value
            if value < low[group] { low[group] = value }
            if value > high[group] { high[group] = value }
        }
        var result: [Double]
        switch function {
        case .mean: result = (0..<k).map { n[$0] > 0 ? mean[$0] : .nan }
        case .sd: result = (0..<k).map { n[$0] > 1 ? (m2[$0] / (n[$0] - 1)).squareRoot() : .nan }
        case .sum: result = sum
        case .min: result = (0..<k).map { n[$0] > 0 ? low[$0] : .nan }
        case .max: result = (0..<k).map { n[$0] > 0 ? high[$0] : .nan }
        default:
            let poll = CancelPoll(context)
            result = median(x, groups, poll: poll)
            try poll.check(at: position)
        }
        if keepWhole && [.sum, .min, .max].contains(function) {
            return (.data(.integer(result.map { $0.isNaN || Swift.abs($0) > 9.0e18 ? Missing.integer : Int64($0) })), skipped)
        }
        return (.data(.decimal(result)), skipped)
    }

    /// Each group's median; with millions of values in a group the sort is the polled merge
    /// sort of `OrderedKeys`, so Ctrl-C stops it (the result is then unfinished, for `poll.check`).
    private func median(_ x: [Double], _ groups: Grouping, poll: CancelPoll) -> [Double] {
        var buckets = [[Double]](repeating: [], count: groups.groupCount)
        poll.blocks(x.indices) { block in
            for row in block where !x[row].isNaN { buckets[Int(groups.groupOf[row])].append(x[row]) }
        }
        return buckets.map { values in
            guard !values.isEmpty, !poll.look() else { return .nan }
            let sorted = values.count < 1 << 20 ? values.sorted()
                : OrderedKeys.sortedIndices(values.count, poll: poll) { values[$0] < values[$1] }.map { values[$0] }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    private func extremeLevel(_ c: CategoricalData, max: Bool, _ groups: Grouping) -> (vector: Vector, skipped: Int) {
        var best = [UInt32](repeating: 0, count: groups.groupCount)
        var skipped = 0
        let codes = c.codes.widened
        for row in codes.indices {
            let code = codes[row]
            if code == 0 { skipped += 1; continue }
            let group = Int(groups.groupOf[row])
            if best[group] == 0 || (max ? code > best[group] : code < best[group]) { best[group] = code }
        }
        let data = CategoricalData(codes: Codes(best, levelCount: c.levels.count), levels: c.levels, scale: c.scale,
                                   levelsSortedByValue: c.levelsSortedByValue)
        return (.data(.categorical(data, ordered: true)), skipped)
    }

    /// Which number of a share `percent` gives: the share, or a bound of its Wilson interval.
    enum ShareBound { case share, lower, upper }

    /// `pct()`: each group's share of all rows; `pct(condition)`: the share of a group's rows
    /// where the condition is true, of those where it is known. `pct_low` and `pct_high` give
    /// the bounds of its Wilson 95% interval (R prop.test(correct = FALSE)), of the same n.
    private func percent(_ vector: Vector?, _ argument: Expression?, _ groups: Grouping,
                         bound: ShareBound = .share) throws(Diagnostic) -> (vector: Vector, skipped: Int) {
        func value(_ hits: Double, _ total: Double) -> Double {
            guard total > 0 else { return .nan }
            switch bound {
            case .share: return 100 * hits / total
            case .lower, .upper:
                guard let interval = try? WilsonInterval(successes: Int(hits), trials: Int(total)) else { return .nan }
                return 100 * (bound == .upper ? interval.upper : interval.lower)
            }
        }
        let g = groups.groupOf
        var hits = [Double](repeating: 0, count: groups.groupCount)
        var totals = [Double](repeating: 0, count: groups.groupCount)
        var skipped = 0
        guard let vector, let argument else {
            for row in g.indices { hits[Int(g[row])] += 1 }
            let all = Double(g.count)
            return (.data(.decimal(hits.map { value($0, all) })), 0)
        }
        guard case .truth(let t) = vector else {
            let name = bound == .share ? "pct" : bound == .lower ? "pct_low" : "pct_high"
            throw Diagnostic(argument.position, "\(name)() needs a condition such as \(name)(score >= \"hyvin\"), but \(describe(argument)) is \(vector.typeName)")
        }
        for row in g.indices {
            if t[row] == .unknown { skipped += 1; continue }
            totals[Int(g[row])] += 1
            if t[row] == .yes { hits[Int(g[row])] += 1 }
        }
        return (.data(.decimal(zip(hits, totals).map { value($0, $1) })), skipped)
    }
}
