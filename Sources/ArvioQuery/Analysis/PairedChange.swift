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

    /// Computes everything for `pre[i]` → `post[i]`.
    init(pre: [Double], post: [Double], zeroHandling: WilcoxonSignedRankTest.ZeroHandling) {
        let d = zip(post, pre).map { $0 - $1 }
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

    static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    private static func run<T>(_ body: () throws -> T) -> Result<T, StatsError> {
        do { return .success(try body()) } catch let error as StatsError { return .failure(error) } catch {
            return .failure(.nonFiniteValue)
        }
    }

    /// The tests and effect sizes as a statistics block.
    func block(title: Localized, zeroHandling: WilcoxonSignedRankTest.ZeroHandling) -> StatisticsBlock {
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
                                     method: Localized(en: Self.methodText(w.method, .en), fi: Self.methodText(w.method, .fi))))
            notes.append(Localized(
                en: "Wilcoxon signed-rank: \(zeros.en); W− \(NumberFormat.decimal(w.wMinus)); exact p up to \(WilcoxonSignedRankTest.defaultExactLimit) non-zero changes, above that the normal approximation (tie-corrected, no continuity correction).",
                fi: "Wilcoxonin merkittyjen sijalukujen testi: \(zeros.fi); W− \(NumberFormat.decimal(w.wMinus)); tarkka p enintään \(WilcoxonSignedRankTest.defaultExactLimit) nollasta poikkeavalla muutoksella, sen yli normaaliapproksimaatio (sidoskorjattu, ei jatkuvuuskorjausta)."))
            let z = w.normalApproximation
            entries.append(Statistic(name: zName, value: z.statistic, p: z.pValue,
                                     method: Localized(en: Self.methodText(z.method, .en), fi: Self.methodText(z.method, .fi))))
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
                                     method: Localized(en: "Student t, paired", fi: "Studentin t, parittainen")))
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
        if count < 2 {
            notes.append(Localized(en: "\(count) pair\(count == 1 ? "" : "s"): too few for tests", fi: "\(count) paria: liian vähän testeihin"))
        }
        return StatisticsBlock(title: title, entries: entries, notes: notes)
    }

    /// The stats module's method names in the session's language.
    static func methodText(_ method: String, _ language: Language) -> String {
        guard language == .fi else { return method }
        switch method {
        case "exact conditional on ties": return "tarkka, ehdollinen sidoksille"
        case "normal approximation, tie-corrected, no continuity correction":
            return "normaaliapproksimaatio, sidoskorjattu, ei jatkuvuuskorjausta"
        default: return method
        }
    }
}
