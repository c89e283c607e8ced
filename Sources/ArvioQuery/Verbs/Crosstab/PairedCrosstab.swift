import ArvioData
import ArvioStats

/// `crosstab V by PHASE paired [on K] [per G] [adjust ...]`: a categorical or ordinal answer of
/// the same units at two times as one square table, the first time in the rows and the second
/// in the columns, with the tests of change that respect the pairing: McNemar for two
/// categories (exact binomial p first, the χ² approximations beside it), Bowker's symmetry and
/// Stuart–Maxwell's marginal homogeneity for more. The pairs are found as `delta` finds them
/// (the table's key without the phase, or `on`), so a person answering at both times is one
/// pair, not two independent rows as in `crosstab PHASE by V`.
struct PairedCrosstab {
    var value: Token
    var phase: Token
    var on: [Token]
    var per: [Token]
    var cells: [CrosstabCell]
    var testing: MultipleTesting
    /// `by PHASE "a" -> "b"` (through `delta`): the two phases, in order.
    var phaseValues: (Token, Token)? = nil

    /// The most categories the paired table may have (as `crosstab`).
    static let categoryLimit = Crosstab.valueLimit

    func check() throws(Diagnostic) {
        if value.text == phase.text {
            throw Diagnostic(phase.position, "\"\(value.text)\" cannot be both the answer and the phase; name the phase column after \"by\", as in crosstab score by phase paired")
        }
        if let same = per.first(where: { $0.text == phase.text }) {
            throw Diagnostic(same.position, "a pair spans both phases, so it cannot be split per \(phase.text); per takes another column, such as item")
        }
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        try check()
        let axis = try CrosstabAxis.make(frame: frame, token: value, context: context, limit: Self.categoryLimit,
                                         verb: "crosstab ... paired")
        let values = axis.ids.map { $0 == axis.missingID ? Double.nan : Double($0) }
        let pairing = try Pairing.long(frame: frame, value: value, phase: phase, phaseValues: phaseValues, on: on,
                                       context: context, keyword: keyword, values: values)
        let grouping = per.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: per, context: context)
        // The categories of either time, in the column's order: one set for every group, so the
        // tables are square and stack.
        var used = [Bool](repeating: false, count: axis.levels.count)
        for i in pairing.pre.indices {
            used[Int(pairing.pre[i])] = true
            used[Int(pairing.post[i])] = true
        }
        let categories = used.indices.filter { used[$0] }
        let position = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element, $0.offset) })
        let k = categories.count
        var tables = [[[Int]]](repeating: [[Int]](repeating: [Int](repeating: 0, count: k), count: k),
                               count: grouping.groupCount)
        for i in pairing.pre.indices {
            let g = Int(grouping.groupOf[pairing.preRows[i]])
            tables[g][position[Int(pairing.pre[i])]!][position[Int(pairing.post[i])]!] += 1
        }
        let levels = categories.map { axis.levels[$0] }
        let names = pairing.phaseNames
        var next = Frame(table: layout(tables, grouping: grouping, levels: levels, ordered: axis.ordered,
                                       first: names.first), origin: nil)
        next.table.name = frame.table.name
        // Each group's block describes its k + 1 rows (times the cell kinds) of the stacked table.
        let height = (k + 1) * cells.count
        var blocks = tables.indices.map { g in
            var result = block(tables[g], title: title(grouping, g, pairs: tables[g].joined().reduce(0, +), pairing),
                               levels: levels)
            if !per.isEmpty { result.rows = Array((g * height)..<((g + 1) * height)) }
            return result
        }
        let groups = per.map(\.text).joined(separator: " × ")
        let adjustNote = testing.adjustAcross(&blocks, family: Localized(en: "one per \(groups)", fi: "yksi kutakin \(groups)-arvoa kohden"))
        next.table.statistics = blocks
        let squareTests = blocks.contains { $0.entries.contains { $0.name.en.hasPrefix("Bowker") } }
        // Bowker and Stuart–Maxwell ask whether anything changed, in any direction; an ordered
        // answer's question is usually whether it went up, which delta tests with more power.
        let direction = squareTests && axis.ordered ? [Localized(
            en: "\(value.text) is ordered: whether it went up or down is tested by delta \(value.text) by \(phase.text) (Wilcoxon signed-rank and sign test), with more power than these tests of any change.",
            fi: "\(value.text) on järjestetty: nousiko vai laskiko se, testaa delta \(value.text) by \(phase.text) (Wilcoxonin merkittyjen sijalukujen testi ja merkkitesti) näitä minkä tahansa muutoksen testejä voimakkaammin.")] : []
        next.notes = frame.notes + notes(pairing, frame: frame, context: context)
            + (squareTests ? [Self.squareTestsNote] : []) + direction + (adjustNote.map { [$0] } ?? [])
        return next
    }

    /// "score: pre → post, 12 pairs" or "item = K1: score pre → post, 12 pairs".
    private func title(_ grouping: Grouping, _ g: Int, pairs: Int, _ pairing: Pairing) -> Localized {
        let arrow = "\(pairing.phaseNames.first) → \(pairing.phaseNames.second)"
        let count = AnalysisText.pairs(pairs)
        guard !grouping.keyColumns.isEmpty else {
            return Localized(en: "\(value.text): \(arrow), \(count.en)", fi: "\(value.text): \(arrow), \(count.fi)")
        }
        let label = Delta.groupLabel(grouping, g)
        return Localized(en: "\(label.en): \(value.text) \(arrow), \(count.en)", fi: "\(label.fi): \(value.text) \(arrow), \(count.fi)")
    }

    /// The tests of one square table, or the one note that says why there are none.
    func block(_ counts: [[Int]], title: Localized, levels: [Level]) -> StatisticsBlock {
        let pairs = counts.joined().reduce(0, +)
        guard pairs >= 2 else {
            let count = AnalysisText.pairs(pairs)
            return StatisticsBlock(title: title, entries: [], notes: [
                Localized(en: "\(count.en): too few for tests", fi: "\(count.fi): liian vähän testeihin")])
        }
        guard counts.count >= 2, let table = try? SquareTable(counts), table.discordant > 0 else {
            return StatisticsBlock(title: title, entries: [], notes: [
                Localized(en: "every pair has the same \(value.text) both times: no change to test",
                          fi: "kaikilla pareilla on sama \(value.text) kummallakin kerralla: ei muutosta testattavaksi")])
        }
        let asymptotic = Localized(en: "asymptotic chi-square", fi: "asymptoottinen khiin neliö")
        if table.size == 2, let test = try? McNemarTest(table) {
            let b = test.firstToSecond, c = test.secondToFirst
            let a = levels[0].display(.en), d = levels[1].display(.en)
            let aFi = levels[0].display(.fi), dFi = levels[1].display(.fi)
            return StatisticsBlock(title: title, entries: [
                Statistic(name: Localized(en: "McNemar, exact", fi: "McNemar, tarkka"), value: Double(b), p: test.pValue,
                          method: Localized(en: "exact binomial, \(b) of \(b + c) changes \(a) → \(d)",
                                            fi: "tarkka binomi, \(b)/\(b + c) muutosta \(aFi) → \(dFi)")),
                Statistic(name: Localized(en: "McNemar chi-square, corrected", fi: "McNemarin khiin neliö, korjattu"),
                          value: test.corrected.statistic, df: 1, p: test.corrected.pValue,
                          method: Localized(en: "asymptotic chi-square, continuity-corrected",
                                            fi: "asymptoottinen khiin neliö, jatkuvuuskorjattu")),
                Statistic(name: Localized(en: "McNemar chi-square", fi: "McNemarin khiin neliö"),
                          value: test.asymptotic.statistic, df: 1, p: test.asymptotic.pValue, method: asymptotic),
            ], notes: [Localized(
                en: "\(b) changed \(a) → \(d), \(c) changed \(d) → \(a), \(pairs - b - c) stayed; p is the exact binomial test of the \(b + c) changes, the chi-square values are its approximations.",
                fi: "\(b) muuttui \(aFi) → \(dFi), \(c) muuttui \(dFi) → \(aFi), \(pairs - b - c) pysyi; p on \(b + c) muutoksen tarkka binomitesti, khiin neliöt sen likiarvoja.")])
        }
        var entries: [Statistic] = []
        if let bowker = try? BowkerSymmetryTest(table) {
            entries.append(Statistic(name: Localized(en: "Bowker symmetry", fi: "Bowkerin symmetria"), value: bowker.statistic,
                                     df: bowker.degreesOfFreedom, p: bowker.pValue, method: asymptotic))
        }
        if let stuart = try? StuartMaxwellTest(table) {
            entries.append(Statistic(name: Localized(en: "Stuart–Maxwell homogeneity", fi: "Stuart–Maxwell, reunat"),
                                     value: stuart.statistic, df: stuart.degreesOfFreedom, p: stuart.pValue, method: asymptotic))
        }
        let changed = table.discordant
        return StatisticsBlock(title: title, entries: entries, notes: [Localized(
            en: "\(changed) of \(pairs) pairs changed category.", fi: "\(changed)/\(pairs) paria vaihtoi luokkaa.")])
    }

    /// What Bowker and Stuart–Maxwell test, said once under all the blocks.
    static let squareTestsNote = Localized(
        en: "Bowker's symmetry test asks whether as many moved each way between every two categories; Stuart–Maxwell's whether the shares of the categories are the same both times. Both are asymptotic chi-square tests: with few changes read them with caution.",
        fi: "Bowkerin symmetriatesti kysyy, siirtyikö kunkin kahden luokan välillä yhtä moni kumpaankin suuntaan; Stuartin–Maxwellin testi, ovatko luokkien osuudet samat kummallakin kerralla. Molemmat ovat asymptoottisia khiin neliö -testejä: vähillä muutoksilla lue niitä varoen.")

    /// The notes: how the pairs were found, who has only one time, and whether the pairs are
    /// independent units.
    private func notes(_ pairing: Pairing, frame: Frame, context: EvaluationContext) -> [Localized] {
        let key = pairing.keyNames.joined(separator: " × ")
        let arrow = "\(pairing.phaseNames.first) -> \(pairing.phaseNames.second)"
        let n = pairing.pre.count
        var notes = [Localized(
            en: "Paired: rows are \(value.text) at \(pairing.phaseNames.first), columns at \(pairing.phaseNames.second) (\(arrow), \(pairing.orderSource.en)); one count per \(key), \(AnalysisText.pairs(n).en) with both answers.",
            fi: "Parittainen: rivit ovat \(value.text)-arvot ajankohtana \(pairing.phaseNames.first), sarakkeet ajankohtana \(pairing.phaseNames.second) (\(arrow), \(pairing.orderSource.fi)); yksi lukumäärä kutakin \(key)-arvoa kohden, \(AnalysisText.pairs(n).fi), joilla on kumpikin vastaus.")]
        let units = PairingUnits.make(frame: frame, keyNames: pairing.keyNames, context: context)
        for (rows, has, lacks) in [(pairing.preOnlyRows, pairing.phaseNames.first, pairing.phaseNames.second),
                                   (pairing.postOnlyRows, pairing.phaseNames.second, pairing.phaseNames.first)] where !rows.isEmpty {
            let who = units.name.map { "\($0) " } ?? ""
            let listing = units.listing(rows).text
            notes.append(Localized(
                en: "\(rows.count) with an answer at \(has) and none at \(lacks) are left out: \(who)\(listing.en).",
                fi: "\(rows.count), joilla on \(has)-vastaus mutta ei \(lacks)-vastausta, jätettiin pois: \(who)\(listing.fi)."))
        }
        // With per naming the rest of the key (per item of participant × item), each group has
        // one pair per unit and the pairs within a test are independent.
        let rest = pairing.keyNames.filter { $0 != units.name }
        if pairing.keyNames.count > 1, let unitName = units.name, !rest.allSatisfy({ r in per.contains { $0.text == r } }) {
            let seen = units.unitCount(pairing.preRows)
            if seen < n {
                notes.append(Localized(
                    en: "The \(n) pairs come from \(seen) \(unitName) values, several pairs each; the tests treat the pairs as independent. per \(rest.joined(separator: ", ")) tests each on its own, one pair per \(unitName).",
                    fi: "\(n) paria tulee \(seen) \(unitName)-arvolta, useita kultakin; testit käsittelevät pareja riippumattomina. per \(rest.joined(separator: ", ")) testaa kunkin erikseen, yksi pari kutakin \(unitName)-arvoa kohden."))
            }
        }
        return notes
    }

    /// The stacked tables: the `per` columns, the first time's category, the cell kind when
    /// several are asked for, a column per second-time category and the total; each group's
    /// total row last.
    private func layout(_ tables: [[[Int]]], grouping: Grouping, levels: [Level], ordered: Bool,
                        first: String) -> Table {
        let total = Localized(en: "Total", fi: "Yhteensä")
        let rowLevels = levels + [Level(value: "total", label: total)]
        let showKind = cells.count > 1
        let rowMargins: [Int?] = Array(levels.indices) + [nil]
        var groupRows: [Int] = [], rowCodes: [UInt32] = [], kindCodes: [UInt32] = []
        var counts: [CrosstabCounts] = []
        for g in tables.indices {
            counts.append(CrosstabCounts(tables[g]))
            for (position, _) in rowMargins.enumerated() {
                for kind in cells {
                    groupRows.append(g)
                    rowCodes.append(UInt32(position + 1))
                    kindCodes.append(kind.code)
                }
            }
        }
        var columns = grouping.keyColumns.map { Column(name: $0.name, data: $0.data.gathering(groupRows), label: $0.label) }
        let rowName = "\(value.text)_\(first)"
        columns.append(Column(name: rowName, data: .categorical(
            CategoricalData(codes: Codes(rowCodes, levelCount: rowLevels.count), levels: rowLevels), ordered: ordered)))
        if showKind {
            columns.append(CrosstabCell.kindColumn(kindCodes))
        }
        let cellFormat = CrosstabCell.format(of: cells, showKind: showKind)
        var taken = Set(columns.map(\.name))
        let headings = CrosstabCell.valueHeadings(levels)
        for j in Array(levels.indices) + [nil] {
            var name = j.map { levels[$0].value } ?? "total"
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            var values: [Double] = []
            for g in tables.indices {
                for i in rowMargins {
                    for kind in cells { values.append(kind.value(counts[g], i, j) ?? Missing.decimal) }
                }
            }
            let data: ColumnData = cells == [.count] ? .integer(values.map { Int64($0) }) : .decimal(values)
            var column = Column(name: name, data: data, label: j.map { levels[$0].label } ?? total, format: cellFormat)
            // The margin is named `total` in both languages, so a pipeline after it reads the same.
            if j == nil { column.heading = Localized(en: name, fi: name == "total" ? "yhteensä" : name) }
            else if name == levels[j!].value, let heading = headings[j!] { column.heading = heading }
            columns.append(column)
        }
        let key = per.map(\.text) + [rowName] + (showKind ? ["cell"] : [])
        return Table(name: "crosstab", columns: columns, rowCount: rowCodes.count, key: key)
    }
}
