import ArvioData
import ArvioStats

/// The change from pre to post over a set of pairs: descriptives, the three paired tests and
/// the two effect sizes, as `delta` shows them.
struct PairedChange {
    var count: Int
    var meanPre: Double
    var meanPost: Double
    var meanChange: Double
    var medianChange: Double
    var improved: Int
    var same: Int
    var worse: Int
    var wilcoxon: Result<WilcoxonSignedRankTest, StatsError>
    var sign: Result<SignTest, StatsError>
    var t: Result<PairedTTest, StatsError>

    /// Computes everything for `pre[i]` → `post[i]`, with the changes `differences` when given
    /// (a unit's mean change, summed exactly: `UnitMeans.change`).
    init(pre: [Double], post: [Double], differences: [Double]? = nil, zeroHandling: WilcoxonSignedRankTest.ZeroHandling) {
        // On the data's decimal precision, so decimal ties (+0.7, −0.7) stay ties in the ranks.
        let d = differences ?? DecimalDifferences.of(pre: pre, post: post)
        count = d.count
        meanPre = Self.mean(pre)
        meanPost = Self.mean(post)
        meanChange = Self.mean(d)
        medianChange = d.isEmpty ? .nan : ((try? Quantile.of(d, 0.5)) ?? .nan)
        improved = d.filter { $0 > 0 }.count
        worse = d.filter { $0 < 0 }.count
        same = d.count - improved - worse
        wilcoxon = Self.run { try WilcoxonSignedRankTest(differences: d, zeroHandling: zeroHandling) }
        sign = Self.run { try SignTest(pre: pre, post: post) }
        t = Self.run { try PairedTTest(pre: pre, post: post) }
    }

    /// The same from a tally of whole-number pairs: counted, not sorted.
    init(tally: PairedTally, zeroHandling: WilcoxonSignedRankTest.ZeroHandling) {
        let w = tally.width
        let dc = tally.differenceCounts
        count = dc.reduce(0, +)
        func sumOf(_ c: [Int], _ offset: Int) -> Int { c.indices.reduce(0) { $0 + c[$1] * ($1 + offset) } }
        let n = Double(count)
        meanPre = count == 0 ? .nan : Double(sumOf(tally.preCounts, tally.low)) / n
        meanPost = count == 0 ? .nan : Double(sumOf(tally.postCounts, tally.low)) / n
        meanChange = count == 0 ? .nan : Double(sumOf(dc, 1 - w)) / n
        // The type-7 median of the sorted differences, read off the counts.
        func sorted(_ i: Int) -> Double {
            var seen = 0
            for (v, c) in dc.enumerated() {
                seen += c
                if i < seen { return Double(v - w + 1) }
            }
            return .nan
        }
        if count == 0 {
            medianChange = .nan
        } else {
            let h = (n - 1) * 0.5 + 1
            if h <= 1 { medianChange = sorted(0) } else if h >= n { medianChange = sorted(count - 1) } else {
                let lower = h.rounded(.down)
                let i = Int(lower) - 1
                let (x0, x1) = (sorted(i), sorted(i + 1))
                medianChange = x0 + (h - lower) * (x1 - x0)
            }
        }
        let up = dc[w...].reduce(0, +), down = dc[..<(w - 1)].reduce(0, +), ties = count - up - down
        improved = up
        worse = down
        same = ties
        wilcoxon = Self.run { try WilcoxonSignedRankTest(tally: tally, zeroHandling: zeroHandling) }
        sign = Self.run { try SignTest(positive: up, negative: down, ties: ties) }
        t = Self.run { try PairedTTest(tally: tally) }
    }

    /// The same over units from a tally of their sums (`UnitMeans.tallies`): the means and
    /// changes are exact fractions, ranked and ordered by counting their few distinct values.
    init(unitTally: UnitChangeTally, zeroHandling: WilcoxonSignedRankTest.ZeroHandling) {
        count = unitTally.total
        meanPre = unitTally.meanPre
        meanPost = unitTally.meanPost
        meanChange = unitTally.meanChange
        medianChange = unitTally.medianChange
        let signs = unitTally.signs
        improved = signs.up
        same = signs.same
        worse = signs.down
        wilcoxon = Self.run { try WilcoxonSignedRankTest(unitTally: unitTally, zeroHandling: zeroHandling) }
        sign = Self.run { try SignTest(positive: signs.up, negative: signs.down, ties: signs.same) }
        t = Self.run { try PairedTTest(unitTally: unitTally) }
    }

    /// The change in each of `groupCount` groups, pair i in group `groupOf(i)`: counted in
    /// tallies when the values are whole numbers in a small range and the groups are large.
    /// `rangeKnown` says `range` is the values' whole-number range already (`Pairing.wholeRange`).
    static func grouped(pre: [Double], post: [Double], differences: [Double]? = nil, groupCount: Int, groupOf: (Int) -> Int,
                        zeroHandling: WilcoxonSignedRankTest.ZeroHandling,
                        rangeKnown: Bool = false, range known: (low: Int, width: Int)? = nil) -> [PairedChange] {
        if pre.count >= tallyThreshold * max(groupCount, 1), let range = rangeKnown ? known : PairedTally.range(pre, post) {
            var tallies = [PairedTally](repeating: PairedTally(low: range.low, width: range.width), count: groupCount)
            let w = range.width, low = range.low
            var flat = [Int](repeating: 0, count: groupCount * w * w)
            flat.withUnsafeMutableBufferPointer { flat in
                pre.withUnsafeBufferPointer { pre in
                    post.withUnsafeBufferPointer { post in
                        for i in pre.indices {
                            flat[(groupOf(i) * w + Int(pre[i]) - low) * w + Int(post[i]) - low] += 1
                        }
                    }
                }
            }
            for g in 0..<groupCount { tallies[g].counts = Array(flat[(g * w * w)..<((g + 1) * w * w)]) }
            if tallies.allSatisfy({ $0.total >= tallyThreshold }) {
                return tallies.map { PairedChange(tally: $0, zeroHandling: zeroHandling) }
            }
        }
        var preOf = [[Double]](repeating: [], count: groupCount)
        var postOf = preOf, changeOf = preOf
        for i in pre.indices {
            let g = groupOf(i)
            preOf[g].append(pre[i])
            postOf[g].append(post[i])
            if let differences { changeOf[g].append(differences[i]) }
        }
        return (0..<groupCount).map {
            PairedChange(pre: preOf[$0], post: postOf[$0], differences: differences == nil ? nil : changeOf[$0], zeroHandling: zeroHandling)
        }
    }

    /// Groups with fewer pairs take the arrays (exactly as before; small data is unchanged).
    static let tallyThreshold = 1000

    static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    static func run<T>(_ body: () throws -> T) -> Result<T, StatsError> {
        do { return .success(try body()) } catch let error as StatsError { return .failure(error) } catch {
            return .failure(.nonFiniteValue)
        }
    }

    /// The tests and effect sizes as a statistics block.
    func block(title: Localized, zeroHandling: WilcoxonSignedRankTest.ZeroHandling) -> StatisticsBlock {
        // A group of one pair (or none) has no test worth a p-value: one note, no numbers.
        guard count >= 2 else {
            let pairs = AnalysisText.pairs(count)
            return StatisticsBlock(title: title, entries: [], notes: [
                Localized(en: "\(pairs.en): too few for tests", fi: "\(pairs.fi): liian vähän testeihin")])
        }
        var entries: [Statistic] = []
        var notes: [Localized] = []
        func failed(_ name: Localized, _ error: StatsError) -> Statistic {
            Statistic(name: name, value: nil, method: Localized(en: "not computed: \(error)", fi: "ei laskettu: \(error)"))
        }
        let wName = Localized(en: "Wilcoxon W+", fi: "Wilcoxon W+")
        let zName = Localized(en: "Wilcoxon z", fi: "Wilcoxon z")
        switch wilcoxon {
        case .success(let w):
            let zeros = zeroHandling == .pratt
                ? Localized(en: "zeros ranked (Pratt)", fi: "nollat mukana sijaluvuissa (Pratt)")
                : Localized(en: "\(w.zeroCount) zero\(w.zeroCount == 1 ? "" : "s") dropped", fi: "\(w.zeroCount) nollaa pudotettu")
            entries.append(Statistic(name: wName, value: w.statistic, p: w.pValue,
                                     method: w.testMethod.localized))
            notes.append(Localized(
                en: "Wilcoxon signed-rank: \(zeros.en); W− \(NumberFormat.decimal(w.wMinus)); exact p up to \(WilcoxonSignedRankTest.defaultExactLimit) non-zero changes, above that the normal approximation (tie-corrected, no continuity correction).",
                fi: "Wilcoxonin merkittyjen sijalukujen testi: \(zeros.fi); W− \(NumberFormat.decimal(w.wMinus)); tarkka p enintään \(WilcoxonSignedRankTest.defaultExactLimit) nollasta poikkeavalla muutoksella, sen yli normaaliapproksimaatio (sidoskorjattu, ei jatkuvuuskorjausta)."))
            let z = w.normalApproximation
            if w.isExact {
                // The exact p is the test; the approximation's p beside it as a second p would
                // invite reading the smaller one (0.046 against the exact 0.125 at n = 4).
                let approximate = NumberFormat.pValue(z.pValue)
                entries.append(Statistic(name: zName, value: z.statistic, method: Localized(
                    en: "approximate p \(approximate.hasPrefix("<") ? approximate : "≈ " + approximate); W+ p is exact",
                    fi: "likimääräinen p \(approximate.hasPrefix("<") ? approximate : "≈ " + approximate); W+:n p on tarkka")))
            } else {
                entries.append(Statistic(name: zName, value: z.statistic, p: z.pValue,
                                         method: z.testMethod.localized))
            }
        case .failure(let error):
            entries.append(failed(wName, error))
        }
        let sName = Localized(en: "Sign test (up)", fi: "Merkkitesti (ylös)")
        switch sign {
        case .success(let s):
            entries.append(Statistic(name: sName, value: s.statistic, p: s.pValue,
                                     method: Localized(en: "exact binomial, \(s.positive) up, \(s.negative) down",
                                                       fi: "tarkka binomi, \(s.positive) ylös, \(s.negative) alas")))
        case .failure(let error): entries.append(failed(sName, error))
        }
        let tName = Localized(en: "Paired t", fi: "Parittainen t")
        switch t {
        case .success(let t):
            entries.append(Statistic(name: tName, value: t.statistic, df: t.degreesOfFreedom, p: t.pValue,
                                     method: t.testMethod.localized))
            entries.append(Statistic(name: Localized(en: "95% CI lower", fi: "95 %:n LV alaraja"),
                                     value: t.confidenceInterval.lowerBound))
            entries.append(Statistic(name: Localized(en: "95% CI upper", fi: "95 %:n LV yläraja"),
                                     value: t.confidenceInterval.upperBound))
            entries.append(Statistic(name: Localized(en: "Cohen's d_z", fi: "Cohenin d_z"), value: t.cohensDz,
                                     method: Localized(en: "mean / sd of changes", fi: "keskimuutos / keskihajonta")))
        case .failure(let error): entries.append(failed(tName, error))
        }
        if case .success(let w) = wilcoxon {
            entries.append(Statistic(name: Localized(en: "Rank-biserial r", fi: "Sijalukubiseriaalinen r"), value: w.rankBiserial,
                                     method: Localized("(W+ − W−) / (W+ + W−)")))
        }
        return StatisticsBlock(title: title, entries: entries, notes: notes)
    }
}
