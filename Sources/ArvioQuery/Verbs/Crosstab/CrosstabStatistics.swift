import ArvioData
import ArvioStats

/// The statistics `crosstab` prints under its table: tests of independence (Pearson, likelihood
/// ratio, Fisher's exact), nominal strength (Cramér's V), and for two ordered variables the
/// ordinal measures (γ, τ_b, linear-by-linear). Each entry names the method behind its p-value.
enum CrosstabStatistics {
    /// The blocks for `counts` (categories that occur only), or a note saying why there are none.
    /// `isCancelled` stops Fisher's test; the caller then reports the cancellation.
    static func blocks(_ counts: CrosstabCounts, ordered: Bool,
                       isCancelled: (@Sendable () -> Bool)? = nil) -> (blocks: [StatisticsBlock], notes: [Localized]) {
        guard let table = try? ContingencyTable(counts.counts) else {
            return ([], [Localized(en: "no tests: each variable needs at least two categories with answers",
                                   fi: "ei testejä: kummallakin muuttujalla pitää olla vähintään kaksi luokkaa, joissa on vastauksia")])
        }
        var blocks = [independence(table, isCancelled: isCancelled), strength(table)]
        if ordered, let ordinal = try? OrdinalAssociation(table) {
            blocks.append(ordinalBlock(ordinal, LinearByLinearTest(table)))
        }
        return (blocks, [])
    }

    /// The largest n for which Fisher's test is run: beyond it the Monte Carlo fallback would
    /// cost seconds on a national-size survey, and the chi-square approximation is good.
    static let fisherLimit = 10_000


    private static func independence(_ table: ContingencyTable, isCancelled: (@Sendable () -> Bool)?) -> StatisticsBlock {
        let pearson = PearsonChiSquareTest(table)
        let ratio = LikelihoodRatioTest(table)
        var entries = [Statistic(name: Localized(en: "Pearson chi-square", fi: "Pearsonin khiin neliö"),
                                 value: pearson.statistic, df: pearson.degreesOfFreedom, p: pearson.pValue,
                                 method: pearson.testMethod.localized)]
        if let yates = pearson.yates {
            entries.append(Statistic(name: Localized(en: "Yates-corrected chi-square", fi: "Yatesin korjattu khiin neliö"),
                                     value: yates.statistic, df: 1, p: yates.pValue, method: pearson.testMethod.localized))
        }
        entries.append(Statistic(name: Localized(en: "Likelihood ratio G²", fi: "Uskottavuusosamäärä G²"),
                                 value: ratio.statistic, df: ratio.degreesOfFreedom, p: ratio.pValue, method: ratio.testMethod.localized))
        var notes: [Localized] = []
        var fisher: FisherExactTest?
        if table.total <= fisherLimit, let test = try? FisherExactTest(table, isCancelled: isCancelled) {
            fisher = test
            entries += fisherEntries(test, twoByTwo: table.droppingEmptyMargins().isTwoByTwo)
            if let fallback = test.fallback { notes.append(fallbackNote(fallback)) }
        } else {
            notes.append(Localized(en: "Fisher's exact test is not computed for n above \(fisherLimit); at this size the chi-square tests are accurate",
                                   fi: "Fisherin tarkkaa testiä ei lasketa, kun n on yli \(fisherLimit); näin suurella aineistolla khiin neliö -testit ovat tarkkoja"))
        }
        let cells = table.droppingEmptyMargins().counts.joined().count
        if let note = smallExpected(pearson, cells: cells, fisher: fisher) { notes.append(note) }
        return StatisticsBlock(title: Localized(en: "Tests of independence", fi: "Riippumattomuustestit"),
                               entries: entries, notes: notes)
    }

    /// Why Fisher's p is a Monte Carlo estimate: the exact network's budget (docs/statistics.md).
    static func fallbackNote(_ fallback: FisherExactTest.Fallback) -> Localized {
        let reason: Localized
        switch fallback {
        case .time(let seconds):
            let s = NumberFormat.fixed(seconds, decimals: seconds < 1 ? 1 : 0)
            reason = Localized(en: "the exact network ran for its \(s) s budget", fi: "tarkka verkkoalgoritmi käytti \(s) s:n aikarajansa")
        case .memory(let bytes):
            let mb = bytes >> 20
            reason = Localized(en: "the exact network would need more than its \(mb) MB budget",
                               fi: "tarkka verkkoalgoritmi tarvitsisi enemmän kuin \(mb) Mt:n muistirajansa")
        case .tooLarge:
            reason = Localized(en: "the exact network would take far longer than its budget",
                               fi: "tarkka verkkoalgoritmi veisi paljon aikarajaansa kauemmin")
        case .work(let steps):
            reason = Localized(en: "the exact network reached its \(steps)-step budget", fi: "tarkka verkkoalgoritmi käytti \(steps) askeleen rajansa")
        }
        return Localized(en: "Fisher's p is a Monte Carlo estimate, not exact: \(reason.en)",
                         fi: "Fisherin p on Monte Carlo -arvio, ei tarkka: \(reason.fi)")
    }

    private static func fisherEntries(_ fisher: FisherExactTest, twoByTwo: Bool) -> [Statistic] {
        let method = fisher.testMethod.localized
        let name = twoByTwo ? Localized(en: "Fisher's exact test", fi: "Fisherin tarkka testi")
            : Localized(en: "Fisher–Freeman–Halton exact test", fi: "Fisherin–Freemanin–Haltonin tarkka testi")
        var entries = [Statistic(name: name, value: nil, p: fisher.pValue, method: method)]
        if let oneSided = fisher.oneSided {
            entries.append(Statistic(name: Localized(en: "Fisher's exact, one-sided (OR < 1)", fi: "Fisher, yksisuuntainen (OR < 1)"),
                                     value: nil, p: oneSided.less, method: method))
            entries.append(Statistic(name: Localized(en: "Fisher's exact, one-sided (OR > 1)", fi: "Fisher, yksisuuntainen (OR > 1)"),
                                     value: nil, p: oneSided.greater, method: method))
        }
        return entries
    }

    /// Cochran's rule: the chi-square p-values are doubtful when more than 20% of the cells
    /// expect fewer than 5 or any cell expects fewer than 1; nil when neither holds.
    static func smallExpected(_ pearson: PearsonChiSquareTest, cells: Int, fisher: FisherExactTest?) -> Localized? {
        let below = pearson.cellsWithExpectedBelowFive
        let belowOne = pearson.minimumExpected < 1
        guard 5 * below > cells || belowOne else { return nil }
        let share = NumberFormat.fixed(100 * Double(below) / Double(cells), decimals: 1)
        let smallest = NumberFormat.fixed(pearson.minimumExpected, decimals: 2)
        let advice: Localized
        switch fisher.map(\.isExact) {
        case true?: advice = Localized(en: "rely on Fisher's exact test", fi: "nojaa Fisherin tarkkaan testiin")
        case false?: advice = Localized(en: "rely on Fisher's test (here a Monte Carlo estimate with its interval)",
                                        fi: "nojaa Fisherin testiin (tässä Monte Carlo -arvio väleineen)")
        case nil: advice = Localized(en: "read them with caution", fi: "lue niitä varoen")
        }
        let tests = pearson.yates == nil
            ? Localized(en: "Pearson and likelihood-ratio", fi: "Pearsonin ja uskottavuusosamäärän")
            : Localized(en: "Pearson, Yates and likelihood-ratio", fi: "Pearsonin, Yatesin ja uskottavuusosamäärän")
        return Localized(
            en: "Cochran's rule is not met: \(below) of \(cells) cells (\(share)%) have an expected count below 5 (the smallest is \(smallest)); the \(tests.en) p-values are approximate, so \(advice.en)",
            fi: "Cochranin ehto ei täyty: \(below) solussa \(cells):stä (\(share) %) odotettu frekvenssi on alle 5 (pienin \(smallest)); \(tests.fi) p-arvot ovat likiarvoja, joten \(advice.fi)")
    }

    private static func strength(_ table: ContingencyTable) -> StatisticsBlock {
        let nominal = NominalAssociation(table)
        var entries = [Statistic(name: Localized(en: "Cramér's V (unadjusted)", fi: "Cramérin V (korjaamaton)"),
                                 value: nominal.cramersV)]
        if table.droppingEmptyMargins().isTwoByTwo {
            entries.append(Statistic(name: Localized(en: "Phi (unsigned)", fi: "Phi (etumerkitön)"), value: nominal.phi))
        }
        entries.append(Statistic(name: Localized(en: "Contingency coefficient C", fi: "Kontingenssikerroin C"),
                                 value: nominal.contingencyCoefficient))
        return StatisticsBlock(title: Localized(en: "Strength of association", fi: "Yhteyden voimakkuus"),
                               entries: entries)
    }

    private static func ordinalBlock(_ ordinal: OrdinalAssociation, _ trend: LinearByLinearTest) -> StatisticsBlock {
        let normal = Localized(en: "normal approximation", fi: "normaaliapproksimaatio")
        return StatisticsBlock(
            title: Localized(en: "Ordinal association", fi: "Järjestysasteikollinen yhteys"),
            entries: [
                Statistic(name: Localized(en: "Goodman–Kruskal gamma", fi: "Goodmanin–Kruskalin gamma"),
                          value: ordinal.gamma, p: ordinal.gammaTest.pValue,
                          method: Localized(en: normal.en + ", z = γ/ASE0", fi: normal.fi + ", z = γ/ASE0")),
                Statistic(name: Localized(en: "Kendall's tau-b", fi: "Kendallin tau-b"),
                          value: ordinal.tauB, p: ordinal.tauBTest.pValue,
                          method: Localized(en: normal.en + ", tie-corrected", fi: normal.fi + ", sidoskorjattu")),
                Statistic(name: Localized(en: "Linear-by-linear trend", fi: "Lineaarinen trendi"),
                          value: trend.statistic, df: trend.degreesOfFreedom, p: trend.pValue,
                          method: trend.testMethod.localized),
            ])
    }
}
