import ArvioData
import ArvioStats

/// `delta V by PHASE` (long data) or `delta A -> B` (wide data): the paired change from the
/// first phase to the second, with who has only one of the two answers and why, and the paired
/// tests and effect sizes. `per G` gives a row per group; `on K` names the pairing key;
/// `by PHASE "a" -> "b"` chooses and orders the two phases; `with pratt` ranks zero changes.
public struct Delta: Verb {
    static let name = "delta"
    public var spec: PairedSpec

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Delta {
        Delta(spec: try PairedSpec.parse(&parser, verb: "delta", allowPer: true))
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try checkPer()
        if let schema = input.schema, let paired = categoricalForm(schema.table) {
            try paired.check()
            try checkNotPairingKey(schema.table)
            try input.requireColumns(spec.on + spec.per)
            return input.analysisNode(.delta(self), verb: self, reads: nil)
        }
        try spec.bind(input)
        // The pairs are found by the key and the units named through the relations, columns
        // that `delta` does not name, so it may read any column.
        return input.analysisNode(.delta(self), verb: self, reads: nil)
    }

    private func checkPer() throws(Diagnostic) {
        if let phase = spec.phase, let same = spec.per.first(where: { $0.text == phase.text }) {
            throw Diagnostic(same.position, "a pair spans both phases, so it cannot be split per \(phase.text); per takes another column, such as area or participant")
        }
    }

    /// A categorical answer that is not ordered (or text) has no change to average: its delta is
    /// the paired cross-tab, with McNemar, Bowker and Stuart–Maxwell.
    private func categoricalForm(_ table: Table) -> PairedCrosstab? {
        guard spec.second == nil, let phase = spec.phase, let column = table.column(named: spec.value.text) else { return nil }
        switch column.data {
        case .categorical(_, false), .text:
            return PairedCrosstab(value: spec.value, phase: phase, on: spec.on, per: spec.per, cells: [.count],
                                  testing: spec.testing, phaseValues: spec.phaseValues)
        default: return nil
        }
    }

    /// The first column outside the key that holds numbers or an ordinal scale: what to suggest.
    private static func answerColumn(_ table: Table) -> String? {
        table.columns.first { column in
            guard !table.key.contains(column.name) else { return false }
            switch column.data {
            case .integer, .decimal, .categorical(_, true): return true
            default: return false
            }
        }?.name
    }

    /// A column that pairs the rows is the same at both phases, so it has no change to show.
    private func checkNotPairingKey(_ table: Table) throws(Diagnostic) {
        let key = spec.on.isEmpty ? table.key.filter { $0 != spec.phase?.text } : spec.on.map(\.text)
        if key.contains(spec.value.text) {
            throw Diagnostic(spec.value.position, "\"\(spec.value.text)\" pairs the rows (the pairing key is \(key.joined(separator: ", "))), so it is the same at both phases; delta compares an answer, such as \(Self.answerColumn(table) ?? "score")")
        }
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        try checkPer()
        if let paired = categoricalForm(frame.table) {
            try checkNotPairingKey(frame.table)
            var next = try paired.apply(to: frame, in: context, keyword: keyword)
            let phase = spec.phase?.text ?? ""
            next.notes.insert(Localized(
                en: "\(spec.value.text) is categorical, so its change is the paired table of its categories (as crosstab \(spec.value.text) by \(phase) paired), not a mean.",
                fi: "\(spec.value.text) on luokitteleva, joten sen muutos on luokkien parittainen taulukko (kuten crosstab \(spec.value.text) by \(phase) paired), ei keskiarvo."), at: 0)
            return next
        }
        // The common case (categorical key, phase and groups, whole-number answers) is counted
        // straight from the codes; everything else pairs the rows into arrays.
        if let counted = try PairedCounts.make(delta: self, frame: frame, context: context, keyword: keyword) {
            return try finish(counted.summary(delta: self), frame: frame, context: context, keyword: keyword)
        }
        // Each stage is a pass or two over the rows or the pairs; Ctrl-C is looked at between them.
        let pairing = try spec.pairing(frame: frame, context: context, keyword: keyword)
        try context.checkCancelled(at: keyword.position)
        let units = PairingUnits.make(frame: frame, keyNames: pairing.keyNames, context: context)
        let grouping = spec.per.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: spec.per, context: context)
        try context.checkCancelled(at: keyword.position)
        let groupCount = grouping.groupCount
        var preOnly = [Int64](repeating: 0, count: groupCount)
        var postOnly = preOnly
        for row in pairing.preOnlyRows { preOnly[Int(grouping.groupOf[row])] += 1 }
        for row in pairing.postOnlyRows { postOnly[Int(grouping.groupOf[row])] += 1 }
        let changes = grouping.groupOf.withUnsafeBufferPointer { groupOf in
            pairing.preRows.withUnsafeBufferPointer { preRows in
                PairedChange.grouped(pre: pairing.pre, post: pairing.post, groupCount: groupCount,
                                     groupOf: { Int(groupOf[preRows[$0]]) }, zeroHandling: spec.zeroHandling,
                                     rangeKnown: pairing.rangeKnown, range: pairing.pairRange)
            }
        }
        try context.checkCancelled(at: keyword.position)
        let single = testsAllPairs(keyNames: pairing.keyNames, unitName: units.name)
        let (tested, byUnit) = try tested(pairing, grouping, changes, units, single: single, context: context, keyword: keyword)
        let sides: [([Int], String, String, [Double])] = [
            (pairing.preOnlyRows, pairing.phaseNames.first, pairing.phaseNames.second, pairing.values),
            (pairing.postOnlyRows, pairing.phaseNames.second, pairing.phaseNames.first, pairing.secondValues ?? pairing.values),
        ]
        let summary = Summary(
            keyNames: pairing.keyNames, phaseNames: pairing.phaseNames, orderSource: pairing.orderSource,
            groupColumns: grouping.keyColumns, changes: changes, preOnly: preOnly, postOnly: postOnly,
            tested: tested, testsByUnit: byUnit, single: single, pairCount: pairing.pre.count, unitName: units.name,
            unpaired: {
                sides.compactMap { rows, has, lacks, values in
                    rows.isEmpty ? nil : Unpaired(count: rows.count, has: has, lacks: lacks,
                                                  mean: PairedChange.mean(rows.map { values[$0] }), listing: units.listing(rows).text)
                }
            },
            unitsWithPairs: { units.unitCount(pairing.preRows) },
            between: { isCancelled in
                BetweenGroupChange.block(pairing: pairing, grouping: grouping, units: units, valueName: spec.valueName,
                                         isCancelled: isCancelled)
            })
        return try finish(summary, frame: frame, context: context, keyword: keyword)
    }

    /// The rows with a value in one phase only: how many, which phase they have and lack, their
    /// mean and who they belong to.
    struct Unpaired {
        var count: Int
        var has: String
        var lacks: String
        var mean: Double
        var listing: Localized
    }

    /// What the table, tests and notes of `delta` are made of, however the pairs were found: by
    /// pairing the rows (`Pairing`) or by counting them (`PairedCounts`).
    struct Summary {
        var keyNames: [String]
        var phaseNames: (first: String, second: String)
        var orderSource: Localized
        /// The `per` columns, one row per group.
        var groupColumns: [Column]
        /// Each group's pairs described, and its unpaired rows counted.
        var changes: [PairedChange]
        var preOnly: [Int64]
        var postOnly: [Int64]
        /// What the tests run on: the changes, or one mean pair per unit (`testsByUnit`).
        var tested: [PairedChange]
        var testsByUnit: Bool
        /// One block of tests over all pairs (no `per`, or `per` the unit).
        var single: Bool
        var pairCount: Int
        var unitName: String?
        /// The sides with unpaired rows, worked out only for the notes.
        var unpaired: () -> [Unpaired]
        /// How many distinct units have pairs.
        var unitsWithPairs: () -> Int
        /// The test between the groups, asked for when there are several blocks.
        var between: (_ isCancelled: (@Sendable () -> Bool)?) -> (block: StatisticsBlock?, note: Localized?)
    }

    /// The frame `delta` gives from `summary`.
    private func finish(_ summary: Summary, frame: Frame, context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let columns = Self.columns(groups: summary.groupColumns, changes: summary.changes, preOnly: summary.preOnly, postOnly: summary.postOnly)
        var next = frame.replacingColumns(columns, rowCount: summary.changes.count, keepOrigin: false)
        next.table.key = spec.per.map(\.text)
        var statistics = blocks(summary)
        try context.checkCancelled(at: keyword.position)
        let groups = spec.per.map(\.text).joined(separator: " × ")
        let family = Localized(en: "one per \(groups)", fi: "yksi kutakin \(groups)-arvoa kohden")
        let adjustNote = statistics.count > 1 ? spec.testing.adjustAcross(&statistics, family: family) : nil
        // One block per group: then whether the groups' changes differ is a question too.
        var betweenNote: Localized?
        if statistics.count > 1 {
            let between = summary.between(context.isCancelled)
            try context.checkCancelled(at: keyword.position)
            if let block = between.block { statistics.append(block) }
            betweenNote = between.note
        }
        next.table.statistics = statistics
        next.table.notes = frame.table.notes + notes(summary) + (adjustNote.map { [$0] } ?? [])
            + (betweenNote.map { [$0] } ?? [])
        return next
    }

    /// Whether the tests run once over all pairs: without `per`, or per the unit (per participant
    /// lists each person's change; the tests stay over all pairs).
    func testsAllPairs(keyNames: [String], unitName: String?) -> Bool {
        let unitNamed = unitName.map { name in spec.per.contains { $0.text == name } } ?? true
        let perIsKey = spec.per.allSatisfy { keyNames.contains($0.text) } && (keyNames.count == 1 || unitNamed)
        return spec.per.isEmpty || perIsKey
    }

    /// What the tests run on: one mean pair per unit in each group, unless `pairs` asks for
    /// every pair or no unit has several; and whether that reduction was made.
    private func tested(_ pairing: Pairing, _ grouping: Grouping, _ changes: [PairedChange], _ units: PairingUnits,
                        single: Bool, context: EvaluationContext, keyword: Token) throws(Diagnostic) -> ([PairedChange], Bool) {
        let testedGroups = single ? 1 : changes.count
        let groupOf: (Int) -> Int = { i in single ? 0 : Int(grouping.groupOf[pairing.preRows[i]]) }
        // Whole-number answers are counted by unit (no means made or sorted); else the arrays.
        let unitTallies = spec.itemPairs ? nil : UnitMeans.tallies(pairing, units: units, groupCount: testedGroups,
                                                                   groupOfRow: single ? nil : grouping.groupOf, isCancelled: context.isCancelled)
        try context.checkCancelled(at: keyword.position)
        let reduced = spec.itemPairs || unitTallies != nil ? nil
            : UnitMeans.make(pairing, units: units, groupCount: testedGroups, groupOf: groupOf)
        let tested: [PairedChange]
        if let unitTallies {
            tested = unitTallies.map { PairedChange(unitTally: $0, zeroHandling: spec.zeroHandling) }
        } else if let reduced {
            tested = PairedChange.grouped(pre: reduced.pre, post: reduced.post, differences: reduced.change, groupCount: single ? 1 : changes.count,
                                          groupOf: { reduced.group[$0] }, zeroHandling: spec.zeroHandling)
        } else if single, !spec.per.isEmpty {
            tested = PairedChange.grouped(pre: pairing.pre, post: pairing.post, groupCount: 1, groupOf: { _ in 0 },
                                          zeroHandling: spec.zeroHandling)
        } else {
            tested = changes
        }
        return (tested, reduced != nil || unitTallies != nil)
    }

    /// One block over all pairs, or one per group when `per` names something other than the
    /// unit. Per item, a part of the key that is not the unit, each item is tested on its own:
    /// one pair per person in each test.
    private func blocks(_ summary: Summary) -> [StatisticsBlock] {
        let (changes, tested, single) = (summary.changes, summary.tested, summary.single)
        // Two columns (a -> b) are their own arrow: "a → b", not "a → b: a → b".
        let arrow = spec.second == nil ? "\(summary.phaseNames.first) → \(summary.phaseNames.second)" : nil
        func counted(_ g: Int) -> Localized {
            let pairCount = single ? summary.pairCount : changes[g].count
            let pairs = AnalysisText.pairs(pairCount)
            guard summary.testsByUnit, let unit = summary.unitName, tested[g].count < pairCount else { return pairs }
            // Said the same with or without the relation that names the units' table.
            return Localized(en: "\(pairs.en) (\(tested[g].count) by \(unit))", fi: "\(pairs.fi) (\(tested[g].count) \(unit)-arvoittain)")
        }
        if single {
            let what = arrow.map { "\(spec.valueName): \($0)" } ?? spec.valueName
            let title = Localized(en: "\(what), \(counted(0).en)", fi: "\(what), \(counted(0).fi)")
            return [tested[0].block(title: title, zeroHandling: spec.zeroHandling)]
        }
        return changes.indices.map { g in
            let label = Self.groupLabel(summary.groupColumns, g)
            let what = arrow.map { "\(spec.valueName) \($0)" } ?? spec.valueName
            let title = Localized(en: "\(label.en): \(what), \(counted(g).en)", fi: "\(label.fi): \(what), \(counted(g).fi)")
            var block = tested[g].block(title: title, zeroHandling: spec.zeroHandling)
            block.rows = [g]
            return block
        }
    }

    private func notes(_ summary: Summary) -> [Localized] {
        var notes: [Localized] = []
        let keyNames = summary.keyNames
        let key = keyNames.isEmpty ? nil : keyNames.joined(separator: ", ")
        let arrow = "\(summary.phaseNames.first) -> \(summary.phaseNames.second)"
        let n = summary.pairCount
        notes.append(Localized(
            en: "\(arrow) (\(summary.orderSource.en)), paired on \(key ?? "the row"); means, medians and tests use the \(n) complete pairs only.",
            fi: "\(arrow) (\(summary.orderSource.fi)), parit avaimella \(key ?? "rivi"); keskiarvot, mediaanit ja testit vain \(n) täydestä parista."))
        let unpaired = summary.unpaired()
        for side in unpaired {
            let (count, has, lacks) = (side.count, side.has, side.lacks)
            let mean = NumberFormat.decimal(side.mean)
            let who = summary.unitName.map { "\($0) " } ?? ""
            notes.append(Localized(
                en: "\(count) \(has) value\(count == 1 ? "" : "s") with no \(lacks) value (mean \(mean), not in the change): \(who)\(side.listing.en).",
                fi: "\(count) \(has)-arvolla ei ole \(lacks)-arvoa (keskiarvo \(NumberFormat.comma(mean)), ei mukana muutoksessa): \(who)\(side.listing.fi)."))
        }
        if summary.unitName == nil, !unpaired.isEmpty {
            notes.append(Localized(en: "Rows are named by their number; name an id column with on <column>.",
                                   fi: "Rivit on nimetty järjestysnumerollaan; nimeä tunnistesarake: on <sarake>."))
        }
        // Per item (the key without the unit), each test has one pair per unit.
        let rest = keyNames.filter { $0 != summary.unitName }
        let perSplitsUnits = !rest.isEmpty && rest.allSatisfy { r in spec.per.contains { $0.text == r } }
        if keyNames.count > 1, let unitName = summary.unitName, !perSplitsUnits {
            let seen = summary.unitsWithPairs()
            if seen < n, spec.itemPairs {
                notes.append(Localized(
                    en: "The \(n) pairs come from \(seen) \(unitName) values, several pairs each; as asked (pairs), the tests treat the pairs as independent.",
                    fi: "\(n) paria tulee \(seen) \(unitName)-arvolta, useita kultakin; kuten pyydettiin (pairs), testit käsittelevät pareja riippumattomina."))
            } else if seen < n {
                notes.append(Localized(
                    en: "The \(n) pairs come from \(seen) \(unitName) values, several pairs each, so the tests use one pair per \(unitName) (in each group): the mean of its answers before and after. The table's columns describe the pairs; `pairs` tests every pair as if independent.",
                    fi: "\(n) paria tulee \(seen) \(unitName)-arvolta, useita kultakin, joten testit käyttävät yhtä paria kutakin \(unitName)-arvoa kohden (kussakin ryhmässä): sen vastausten keskiarvoa ennen ja jälkeen. Taulukon sarakkeet kuvaavat pareja; `pairs` testaa jokaisen parin kuin riippumattoman."))
            }
        }
        return notes
    }

    /// The table `delta` gives: the groups, then each group's pairs described and its unpaired
    /// rows counted (the database's tally, `DeltaTally`, builds the same).
    static func columns(groups: [Column], changes: [PairedChange], preOnly: [Int64], postOnly: [Int64]) -> [Column] {
        var columns = groups
        columns.append(Headings.headed(Column(name: "n", data: .integer(changes.map { Int64($0.count) }))))
        columns.append(Headings.headed(Column(name: "pre", data: .decimal(changes.map(\.meanPre)))))
        columns.append(Headings.headed(Column(name: "post", data: .decimal(changes.map(\.meanPost)))))
        columns.append(Headings.headed(Column(name: "change", data: .decimal(changes.map(\.meanChange)))))
        columns.append(Headings.headed(Column(name: "median", data: .decimal(changes.map(\.medianChange)))))
        columns.append(Headings.headed(Column(name: "improved", data: .integer(changes.map { Int64($0.improved) }))))
        columns.append(Headings.headed(Column(name: "same", data: .integer(changes.map { Int64($0.same) }))))
        columns.append(Headings.headed(Column(name: "worse", data: .integer(changes.map { Int64($0.worse) }))))
        columns.append(Headings.headed(Column(name: "pre_only", data: .integer(preOnly))))
        columns.append(Headings.headed(Column(name: "post_only", data: .integer(postOnly))))
        return columns
    }

    static func display(_ data: ColumnData, _ row: Int, _ language: Language) -> String {
        if case .categorical(let c, _) = data { return c.level(at: row)?.display(language) ?? "NA" }
        return PairingValues.text(data, row)
    }

    /// "org = Tekevä, item = K1": group `g`'s key values in both languages, for a block's title.
    static func groupLabel(_ grouping: Grouping, _ g: Int) -> Localized {
        groupLabel(grouping.keyColumns, g)
    }

    /// The same from the groups' key columns (one row per group), as the database's tally has them.
    static func groupLabel(_ keyColumns: [Column], _ g: Int) -> Localized {
        func label(_ language: Language) -> String {
            keyColumns.map { "\($0.name) = \(display($0.data, g, language))" }.joined(separator: ", ")
        }
        return Localized(en: label(.en), fi: label(.fi))
    }
}
