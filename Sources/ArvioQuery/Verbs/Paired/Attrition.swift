import ArvioData
import ArvioStats

/// `attrition`: who has a pre answer but no post answer, why, and how they differed from the
/// completers: their pre score and every background column (difference in means with the
/// exact Mann–Whitney p for numbers and scales; shares with Fisher's exact p for categories).
///
/// `T | attrition V by PHASE` and `T | attrition A -> B` use the same pairing as `delta`.
/// On a table of people (`participants | attrition`) it finds the answers in the table that
/// refers to it (`responses`, through its relation) whose key has a two-valued phase column and
/// that has exactly one numeric or ordinal column besides its key.
public struct Attrition: Verb {
    static let name = "attrition"
    public var spec: PairedSpec?

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Attrition {
        if parser.atStepEnd { return Attrition(spec: nil) }
        return Attrition(spec: try PairedSpec.parse(&parser, verb: "attrition", allowPer: false))
    }

    /// One unit (person): their pre score, whether they left, their background row and reason.
    private struct Unit {
        var name: String
        var preScore: Double
        var left: Bool
        var backgroundRow: Int?
        var reason: Localized?
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        // With no arguments, the answers are found in the workspace as it runs.
        try spec?.bind(input)
        return input.analysisNode(.attrition(self), verb: self, reads: nil)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let (units, background, valueLabel, skip) = try gather(frame, context, keyword)
        try context.checkCancelled(at: keyword.position)
        let left = units.filter(\.left), stayed = units.filter { !$0.left }
        var rows = Rows(isCancelled: context.isCancelled)
        let leftScores = left.map(\.preScore), stayedScores = stayed.map(\.preScore)
        rows.numeric(valueLabel, leftScores, stayedScores)
        // A test stopped by the flag gave no p; the statement stops here rather than show it.
        try context.checkCancelled(at: keyword.position)
        var skipped: [String] = []
        if let background {
            for column in background.columns where !skip.contains(column.name) && !PairingUnits.isStatusOrReason(column.name) {
                let a = left.map { $0.backgroundRow }, b = stayed.map { $0.backgroundRow }
                if !rows.background(column, a, b) { skipped.append(column.name) }
                try context.checkCancelled(at: keyword.position)
            }
        }
        let columns = [
            Headings.textColumn("variable", rows.variable),
            Column(name: "left", data: .decimal(rows.left)),
            Column(name: "completers", data: .decimal(rows.completers)),
            Column(name: "difference", data: .decimal(rows.difference)),
            Column(name: "p", data: .decimal(rows.p), format: .pValue),
            Headings.textColumn("test", rows.test),
            Column(name: "n_left", data: .integer(rows.nLeft)),
            Column(name: "n_completers", data: .integer(rows.nCompleters)),
        ].map { $0.heading == nil ? Headings.headed($0) : $0 }
        var next = frame.replacingColumns(columns, rowCount: rows.variable.count, keepOrigin: false)
        next.table.key = ["variable"]
        var notes = frame.table.notes
        var reasons: [Localized: Int] = [:]
        var order: [Localized] = []
        for (i, unit) in left.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: keyword.position) }
            let r = unit.reason ?? Localized(en: "no reason recorded", fi: "syy ei tiedossa")
            if reasons[r] == nil { order.append(r) }
            reasons[r, default: 0] += 1
        }
        func summary(_ language: Language) -> String {
            order.map { "\($0.text(language)) \(reasons[$0]!)" }.joined(separator: ", ")
        }
        func who(_ language: Language) -> String {
            left.map { u in u.reason.map { "\(u.name) (\($0.text(language)))" } ?? u.name }.joined(separator: ", ")
        }
        notes.append(Localized(
            en: "\(left.count) of \(units.count) have a pre answer but no post answer\(left.isEmpty ? "" : ": \(summary(.en)); \(who(.en))"). Left = those \(left.count), completers = the \(stayed.count) with both.",
            fi: "\(left.count)/\(units.count) vastasi alussa mutta ei lopussa\(left.isEmpty ? "" : ": \(summary(.fi)); \(who(.fi))"). Pois (left) = nämä \(left.count), jatkoi (completers) = \(stayed.count), joilla on molemmat."))
        notes.append(Localized(
            en: "Numbers and scales: means, difference left − completers, exact Mann–Whitney p (conditional on ties; normal approximation above \(MannWhitneyUTest.defaultExactLimit) people). Categories: percent of each group, Fisher's exact p on the first row of the column.",
            fi: "Luvut ja asteikot: keskiarvot, erotus pois − jatkoi, tarkka Mann–Whitneyn p (ehdollinen sidoksille; yli \(MannWhitneyUTest.defaultExactLimit) henkilöllä normaaliapproksimaatio). Luokat: prosenttia ryhmästä, Fisherin tarkka p sarakkeen ensimmäisellä rivillä."))
        if !skipped.isEmpty {
            notes.append(Localized(en: "Not compared (an identifier, constant, free text, or no values in a group): \(skipped.joined(separator: ", ")).",
                                   fi: "Ei verrattu (tunniste, vakio, vapaa teksti tai ei arvoja ryhmässä): \(skipped.joined(separator: ", "))."))
        }
        next.table.notes = notes
        try context.checkCancelled(at: keyword.position)
        return next
    }

    /// The units, the table of their background, the name of the pre-score row, and columns to leave out.
    private func gather(_ frame: Frame, _ context: EvaluationContext, _ keyword: Token)
        throws(Diagnostic) -> ([Unit], Table?, Localized, Set<String>) {
        guard let spec else { return try gatherFromRelated(frame, context, keyword) }
        let pairing = try spec.pairing(frame: frame, context: context, keyword: keyword)
        if spec.second != nil {
            let table = try frame.materialized(context: context, at: keyword.position)
            let units = PairingUnits.make(frame: frame, keyNames: pairing.keyNames, context: context)
            var result: [Unit] = []
            for (i, row) in (pairing.preRows + pairing.preOnlyRows).sorted().enumerated() {
                if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: keyword.position) }
                result.append(Unit(name: units.unitOf(row), preScore: pairing.values[row],
                                   left: pairing.secondValues![row].isNaN, backgroundRow: row, reason: units.reasonOf(row)))
            }
            return (result, table, Localized(spec.value.text), [spec.value.text, spec.second!.text])
        }
        let units = PairingUnits.make(frame: frame, keyNames: pairing.keyNames, context: context)
        let result = try Self.units(frame, pairing, units, background: nil, context, keyword)
        return (result, units.target, Localized(en: "\(spec.value.text) (pre, mean per \(units.name ?? "row"))",
                                                fi: "\(spec.value.text) (alussa, ka. per \(units.name ?? "rivi"))"), [])
    }

    /// `participants | attrition`: the answers come from the table that refers to this one.
    private func gatherFromRelated(_ frame: Frame, _ context: EvaluationContext, _ keyword: Token)
        throws(Diagnostic) -> ([Unit], Table?, Localized, Set<String>) {
        let origin = frame.origin ?? frame.table.name
        for relation in context.workspace.relations where relation.target == origin && relation.columns.count == 1 {
            guard let answers = context.workspace.table(named: relation.table) else { continue }
            let phases = answers.key.filter { name in
                guard case .categorical(let c, _)? = answers.column(named: name)?.data else { return false }
                return c.levels.count == 2
            }
            let values = answers.columns.filter { !answers.key.contains($0.name) && ($0.type.isNumeric || $0.type == .ordinal) }
            guard phases.count == 1, values.count == 1 else { continue }
            let position = keyword.position
            let spec = PairedSpec(value: Token(.identifier, values[0].name, position),
                                  phase: Token(.identifier, phases[0], position))
            let answersFrame = Frame(table: answers, origin: answers.name)
            let pairing = try spec.pairing(frame: answersFrame, context: context, keyword: keyword)
            let units = PairingUnits.make(frame: answersFrame, keyNames: [relation.columns[0]] + pairing.keyNames.filter { $0 != relation.columns[0] }, context: context)
            let background = try frame.materialized(context: context, at: keyword.position)
            guard let idColumn = background.column(named: relation.targetColumns[0]) else { continue }
            var index: [String: Int] = [:]
            for row in 0..<background.rowCount {
                if row % EvaluationContext.chunk == 0 { try context.checkCancelled(at: keyword.position) }
                index[PairingValues.text(idColumn.data, row)] = row
            }
            var result = try Self.units(answersFrame, pairing, units, background: index, context, keyword)
            result = result.filter { $0.backgroundRow != nil }
            let reason = PairingUnits.reasonReader(background, nil)
            for i in result.indices { result[i].reason = reason(result[i].backgroundRow!) }
            return (result, background, Localized(en: "\(values[0].name) (pre, mean per \(relation.columns[0]) in \(answers.name))",
                                                  fi: "\(values[0].name) (alussa, ka. per \(relation.columns[0]) taulussa \(answers.name))"), [])
        }
        throw Diagnostic(keyword.position, "no table with pre/post answers refers to \(origin); say what to compare, as in attrition score by phase, or attrition pre_score -> post_score")
    }

    /// Aggregates long pairs to units: the mean pre value, and whether any post value exists.
    private static func units(_ frame: Frame, _ pairing: Pairing, _ units: PairingUnits, background: [String: Int]?,
                              _ context: EvaluationContext, _ keyword: Token) throws(Diagnostic) -> [Unit] {
        guard let unitName = units.name, let column = frame.table.column(named: unitName) else { return [] }
        let poll = CancelPoll(context)
        let ids = OrderedKeys.ids(for: frame.data(of: column), poll: poll)
        try poll.check(at: keyword.position)
        var sum = [Double](repeating: 0, count: ids.count), count = [Int](repeating: 0, count: ids.count)
        var hasPost = [Bool](repeating: false, count: ids.count), representative = [Int](repeating: -1, count: ids.count)
        for rows in [pairing.preRows, pairing.preOnlyRows] {
            poll.blocks(rows.indices) { block in
                for row in rows[block] {
                    let id = Int(ids.ids[row])
                    sum[id] += pairing.values[row]
                    count[id] += 1
                    if representative[id] < 0 { representative[id] = row }
                }
            }
        }
        for rows in [pairing.postRows, pairing.postOnlyRows] {
            poll.blocks(rows.indices) { block in for row in rows[block] { hasPost[Int(ids.ids[row])] = true } }
        }
        try poll.check(at: keyword.position)
        var result: [Unit] = []
        // A name and a reason per unit, made in polled blocks (hundreds of thousands of people).
        poll.blocks(0..<ids.count, chunk: EvaluationContext.chunk / 8) { block in
            for id in block where count[id] > 0 {
                let row = representative[id]
                let name = units.unitOf(row)
                result.append(Unit(name: name, preScore: sum[id] / Double(count[id]), left: !hasPost[id],
                                   backgroundRow: background.map { $0[name] } ?? units.targetRowOf(row), reason: units.reasonOf(row)))
            }
        }
        try poll.check(at: keyword.position)
        return result
    }

    /// The comparison rows, built column by column.
    private struct Rows {
        /// The user's cancel flag, handed to the tests; the caller throws the cancellation after each.
        var isCancelled: (@Sendable () -> Bool)?
        var variable: [Localized?] = [], test: [Localized?] = []
        var left: [Double] = [], completers: [Double] = [], difference: [Double] = [], p: [Double] = []
        var nLeft: [Int64] = [], nCompleters: [Int64] = []

        mutating func add(_ name: Localized, _ a: Double, _ b: Double, _ d: Double, _ p: Double, _ test: Localized?, _ na: Int, _ nb: Int) {
            variable.append(name); left.append(a); completers.append(b); difference.append(d)
            self.p.append(p); self.test.append(test); nLeft.append(Int64(na)); nCompleters.append(Int64(nb))
        }

        mutating func numeric(_ name: Localized, _ a: [Double], _ b: [Double]) {
            let x = a.filter { !$0.isNaN }, y = b.filter { !$0.isNaN }
            let ma = PairedChange.mean(x), mb = PairedChange.mean(y)
            let test = try? MannWhitneyUTest(x, y, isCancelled: isCancelled)
            // "exact", as Fisher's row says: the note under the table says it is conditional on
            // ties, and the whole name took four lines of the test column at 80 columns.
            let method = test.map { t in t.testMethod == .exactConditionalOnTies ? Localized(en: "Mann–Whitney, exact", fi: "Mann–Whitney, tarkka")
                : Localized(en: "Mann–Whitney, \(t.testMethod.localized.en)", fi: "Mann–Whitney, \(t.testMethod.localized.fi)") }
            add(name, ma, mb, ma - mb, test?.pValue ?? .nan, method, x.count, y.count)
        }

        /// Adds the rows of one background column; false when it is not compared.
        mutating func background(_ column: Column, _ a: [Int?], _ b: [Int?]) -> Bool {
            let rowsA = a.compactMap { $0 }, rowsB = b.compactMap { $0 }
            let all = rowsA + rowsB
            if let numbers = PairingValues.numbersIfOrdered(column.data) {
                let x = rowsA.map { numbers[$0] }.filter { !$0.isNaN }, y = rowsB.map { numbers[$0] }.filter { !$0.isNaN }
                guard !x.isEmpty, !y.isEmpty, Set(x + y).count > 1 else { return false }
                numeric(Localized(column.name), x, y)
                return true
            }
            guard case .categorical(let c, _) = column.data else { return false }
            let levels = Set(all.map { c.codes[$0] }.filter { $0 > 0 })
            let distinctAll = Set((0..<c.codes.count).map { c.codes[$0] })
            guard levels.count >= 2, levels.count < max(3, all.count), distinctAll.count < c.codes.count else { return false }
            let present = levels.sorted()
            let counts = [rowsA, rowsB].map { rows in present.map { code in rows.filter { c.codes[$0] == code }.count } }
            let na = counts[0].reduce(0, +), nb = counts[1].reduce(0, +)
            guard na > 0, nb > 0 else { return false }
            let fisher = (try? ContingencyTable(counts)).flatMap { try? FisherExactTest($0) }
            for (i, code) in present.enumerated() {
                let pa = 100 * Double(counts[0][i]) / Double(na), pb = 100 * Double(counts[1][i]) / Double(nb)
                // The category's label in each language, as crosstab shows it; the code when it has none.
                let level = c.levels[code - 1]
                let en = level.label?.en ?? level.value, fi = level.label?.fi ?? level.value
                add(Localized(en: "\(column.name) = \(en) (%)", fi: "\(column.name) = \(fi) (%)"), pa, pb, pa - pb, i == 0 ? (fisher?.pValue ?? .nan) : .nan,
                    i == 0 ? fisher.map { f in f.isExact ? Localized(en: "Fisher, exact", fi: "Fisher, tarkka")
                        : Localized(en: "Fisher, \(f.testMethod.localized.en)", fi: "Fisher, \(f.testMethod.localized.fi)") } : nil,
                    counts[0][i], counts[1][i])
            }
            return true
        }
    }
}
