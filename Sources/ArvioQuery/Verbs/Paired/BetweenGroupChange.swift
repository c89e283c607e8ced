import ArvioData
import ArvioStats

/// Under `delta V by PHASE per G`, the test of whether the change differs between the groups:
/// "did the employer-directed improve less than those who came of their own accord?". The
/// per-group tests each ask whether one group changed; this asks whether the groups' changes
/// differ, on one change per unit (per participant, the mean of its items' changes), so 144
/// person × item pairs count as the 12 people they are. Two groups: the exact Mann–Whitney
/// test with the rank-biserial r; more: Kruskal–Wallis (exact by rearrangement, or seeded Monte
/// Carlo above `KruskalWallisTest.exactLimit`) with ε².
enum BetweenGroupChange {
    /// Each unit's mean change, by group, with how many pairs each unit had; or the unit found
    /// in two groups, which makes the groups dependent samples.
    private enum UnitChanges {
        case changes(samples: [[Double]], pairsPerUnit: [Int])
        case sharedUnit(String)
    }

    private static func unitChanges(_ pairing: Pairing, _ grouping: Grouping, _ units: PairingUnits) -> UnitChanges {
        var index: [String: Int] = [:]
        var groupOf: [Int] = [], counts: [Int] = []
        var entryOf = [Int](repeating: 0, count: pairing.preRows.count)
        // Which unit each pair is, first: per item every unit is in every group, found within a
        // unit's first pairs, and then no pass over all the pairs is made.
        for i in pairing.preRows.indices {
            let row = pairing.preRows[i]
            let unit = units.name == nil ? "row \(row)" : units.unitOf(row)
            let g = Int(grouping.groupOf[row])
            if let id = index[unit] {
                guard groupOf[id] == g else { return .sharedUnit(unit) }
                counts[id] += 1
                entryOf[i] = id
            } else {
                index[unit] = groupOf.count
                entryOf[i] = groupOf.count
                groupOf.append(g)
                counts.append(1)
            }
        }
        // On the data's decimal precision, so decimal ties stay ties in the ranks (DecimalDifferences).
        let (change, scale) = DecimalDifferences.scaled(pre: pairing.pre, post: pairing.post)
        var sums = [Double](repeating: 0, count: counts.count)
        for i in pairing.preRows.indices { sums[entryOf[i]] += change[i] }
        var samples = [[Double]](repeating: [], count: grouping.groupCount)
        for id in groupOf.indices { samples[groupOf[id]].append(sums[id] / (Double(counts[id]) * scale)) }
        return .changes(samples: samples, pairsPerUnit: counts)
    }

    /// The block, or nil when `per` does not split units into groups (per item: every person is
    /// in every group, so the groups are not independent samples, and a note says so).
    static func block(pairing: Pairing, grouping: Grouping, units: PairingUnits, valueName: String,
                      isCancelled: (@Sendable () -> Bool)?) -> (block: StatisticsBlock?, note: Localized?) {
        guard grouping.groupCount >= 2 else { return (nil, nil) }
        let samples: [[Double]], counts: [Int]
        switch unitChanges(pairing, grouping, units) {
        case .sharedUnit(let unit):
            return (nil, sharedNote(unitName: units.name, unit: unit))
        case .changes(let s, let c):
            samples = s
            counts = c
        }
        return (block(samples: samples, counts: counts, keyColumns: grouping.keyColumns, unitName: units.name,
                      valueName: valueName, isCancelled: isCancelled), nil)
    }

    /// Why there is no test between the groups when `unit` (a unit named `unitName`) is in several.
    static func sharedNote(unitName: String?, unit: String) -> Localized {
        let what = unitName ?? "pair"
        return Localized(
            en: "No test between the groups: the same \(what) is in several groups (\(unit)), so the groups are not independent samples.",
            fi: "Ryhmien välistä testiä ei ole: sama \(what) on useassa ryhmässä (\(unit)), joten ryhmät eivät ole riippumattomia otoksia.")
    }

    /// The block on the units' changes, `samples[g]` those of group g of `keyColumns` (each the
    /// mean of `counts[i]` pairs' changes): shared by the in-memory pairing and the database's
    /// tally of units (`DeltaTally`), so both say the same.
    static func block(samples: [[Double]], counts: [Int], keyColumns: [Column], unitName: String?, valueName: String,
                      isCancelled: (@Sendable () -> Bool)?) -> StatisticsBlock {
        block(samples: samples, units: counts.count, pairsPerUnit: (counts.min() ?? 0)...(counts.max() ?? 0), keyColumns: keyColumns,
              unitName: unitName, valueName: valueName, isCancelled: isCancelled)
    }

    /// The same from how many units there are and the fewest and most pairs one had, for a
    /// caller that counted the units without listing them (`PairedCounts`).
    static func block(samples: [[Double]], units: Int, pairsPerUnit: ClosedRange<Int>, keyColumns: [Column], unitName: String?,
                      valueName: String, isCancelled: (@Sendable () -> Bool)?) -> StatisticsBlock {
        // Units whose group is missing belong to no group, as in R's kruskal.test(d ~ g).
        let unknown = samples.indices.filter { g in keyColumns.contains { $0.data.isMissing(g) } }
        let present = samples.indices.filter { !samples[$0].isEmpty && !unknown.contains($0) }
        let leftOut = unknown.reduce(0) { $0 + samples[$1].count }
        let title = Localized(
            en: "Between groups: \(valueName) change, one per \(unitName ?? "pair"), \(units - leftOut) in \(present.count) groups",
            fi: "Ryhmien välillä: \(valueName)-muutos \(unitName.map { "\($0)-arvoittain" } ?? "pareittain"), \(units - leftOut) yksikköä, \(present.count) ryhmää")
        guard present.count >= 2 else {
            return StatisticsBlock(title: title, entries: [], notes: [Localized(
                en: "fewer than two groups have pairs: no test between them", fi: "alle kahdessa ryhmässä on pareja: ei ryhmien välistä testiä")])
        }
        func sizes(_ language: Language) -> String {
            present.map { g in "\(label(keyColumns, g, language)) \(samples[g].count)" }.joined(separator: ", ")
        }
        let several = pairsPerUnit.upperBound > 1
        let range = pairRange(pairsPerUnit)
        let how = several
            ? Localized(en: "Each \(unitName ?? "unit")'s change is the mean of its \(range) pairs' changes (post − pre)",
                        fi: "Kunkin \(unitName.map { "\($0)-arvon" } ?? "yksikön") muutos on sen \(range) parin muutosten (post − pre) keskiarvo")
            : Localized(en: "One pair per \(unitName ?? "unit"), change post − pre", fi: "Yksi pari kutakin \(unitName.map { "\($0)-arvoa" } ?? "yksikköä") kohden, muutos post − pre")
        var notes = [Localized(en: "Does the change differ between the groups? \(how.en); \(sizes(.en)).",
                               fi: "Eroaako muutos ryhmien välillä? \(how.fi); \(sizes(.fi)).")]
        if leftOut > 0 {
            let keys = keyColumns.map(\.name).joined(separator: ", ")
            notes.append(Localized(en: "\(leftOut) with \(keys) missing \(leftOut == 1 ? "is" : "are") in no group and left out of this test.",
                                   fi: "Tästä testistä jätettiin pois \(leftOut), joilta puuttuu \(keys) (ei ryhmää)."))
        }
        return tests(present.map { samples[$0] }, labels: present.map { g in Localized(en: label(keyColumns, g, .en), fi: label(keyColumns, g, .fi)) },
                     title: title, notes: notes, isCancelled: isCancelled)
    }

    /// Mann–Whitney for two samples, Kruskal–Wallis for more, or the note that every change is
    /// the same.
    private static func tests(_ samples: [[Double]], labels: [Localized], title: Localized, notes: [Localized],
                              isCancelled: (@Sendable () -> Bool)?) -> StatisticsBlock {
        var notes = notes
        let same = Localized(en: "every change is the same: nothing to compare", fi: "kaikki muutokset ovat samat: ei vertailtavaa")
        if samples.count == 2 {
            guard let test = try? MannWhitneyUTest(samples[0], samples[1]) else {
                return StatisticsBlock(title: title, entries: [], notes: notes + [same])
            }
            let (first, second) = (labels[0], labels[1])
            return StatisticsBlock(title: title, entries: [
                Statistic(name: Localized(en: "Mann–Whitney U", fi: "Mann–Whitneyn U"), value: test.statistic, p: test.pValue,
                          method: test.testMethod.localized),
                Statistic(name: Localized(en: "Rank-biserial r", fi: "Sijalukubiseriaalinen r"), value: test.rankBiserial,
                          method: Localized(en: "> 0: \(first.en) changed more than \(second.en)", fi: "> 0: \(first.fi) muuttui enemmän kuin \(second.fi)")),
            ], notes: notes)
        }
        guard let test = try? KruskalWallisTest(samples, isCancelled: isCancelled) else {
            return StatisticsBlock(title: title, entries: [], notes: notes + [same])
        }
        let approximate = NumberFormat.pValue(test.asymptoticP)
        let chi = approximate.hasPrefix("<") ? approximate : "≈ " + approximate
        let how: Localized, methodFi: String
        switch test.testMethod {
        case .exactConditionalOnTies:
            how = Localized(en: "exact, counting every rearrangement of the changes among the groups; the chi-square approximation gives p \(chi)",
                            fi: "tarkka, kaikki muutosten uudelleenjaot ryhmiin laskien; khiin neliö -approksimaatio antaa p \(NumberFormat.comma(chi))")
            methodFi = test.method.replacing("exact conditional on ties", with: "tarkka, ehdollinen sidoksille").replacing("rearrangements", with: "uudelleenjakoa")
        case .asymptoticChiSquare:
            // A large sample (KruskalWallisTest.asymptoticLimit): R's kruskal.test p, as the method says.
            how = Localized(en: "from the chi-square approximation on \(test.degreesOfFreedom.map { NumberFormat.plain($0) } ?? "k − 1") df, as R's kruskal.test (a large sample)",
                            fi: "khiin neliö -approksimaatiosta, \(test.degreesOfFreedom.map { NumberFormat.plain($0) } ?? "k − 1") vapausastetta, kuten R:n kruskal.test (suuri otos)")
            methodFi = test.method.replacing(TestMethod.asymptoticChiSquare.description, with: "asymptoottinen khiin neliö")
                .replacing("smallest group", with: "pienin ryhmä")
        default:
            how = Localized(en: "a seeded Monte Carlo estimate over rearrangements; the chi-square approximation gives p \(chi)",
                            fi: "siemennetty Monte Carlo -arvio uudelleenjaoista; khiin neliö -approksimaatio antaa p \(NumberFormat.comma(chi))")
            methodFi = test.testMethod.localized.fi
        }
        notes.append(Localized(en: "Kruskal–Wallis: H tie-corrected; p \(how.en).", fi: "Kruskal–Wallis: H sidoskorjattu; p \(how.fi)."))
        return StatisticsBlock(title: title, entries: [
            Statistic(name: Localized(en: "Kruskal–Wallis H", fi: "Kruskal–Wallisin H"), value: test.statistic,
                      df: test.degreesOfFreedom, p: test.pValue, method: Localized(en: test.method, fi: methodFi)),
            Statistic(name: Localized(en: "Epsilon²", fi: "Epsilon²"), value: test.epsilonSquared,
                      method: Localized(en: "H / (n − 1)", fi: "H / (n − 1)")),
        ], notes: notes)
    }

    /// "12" or "1–12".
    private static func pairRange(_ counts: ClosedRange<Int>) -> String {
        counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound)–\(counts.upperBound)"
    }

    private static func label(_ keyColumns: [Column], _ g: Int, _ language: Language) -> String {
        keyColumns.map { Delta.display($0.data, g, language) }.joined(separator: ", ")
    }
}
