import ArvioData

/// What one observation is for an analysis verb: when a table's rows are repeated measures of a
/// coarser unit (a response row is participant × item × phase), the unit is that coarser key
/// column, and columns that do not vary within it are analysed on one row per unit.
///
/// The unit is read from the table's key, as `delta` reads its pairing key: the first key column
/// that refers to another table through a declared relation (`responses.participant` →
/// `participants.id`), or else the first key column. A table whose key is one column already has
/// one row per unit, so nothing is reduced. No R, SPSS or Stata command does this; Arvio can
/// because it knows the keys, and without it `responses | join participants | crosstab
/// entry_route by post_status` tests 336 rows of 16 people.
struct AnalysisUnit {
    /// The unit column ("participant").
    var column: String
    /// What the units are called in notes: the referred-to table ("participants"), or the
    /// column's values ("values of participant").
    var plural: Localized
    /// A dense id per frame row (equal units, equal ids); rows with no unit get ids of their own.
    var ids: [Int]
    /// The first frame row of each unit, in order of first appearance.
    var firstRows: [Int]

    /// How many units the frame holds.
    var count: Int { firstRows.count }

    /// The unit of `frame`'s rows, or nil when each row is already one unit. Reads every row
    /// of the unit column, looking at the cancel flag as it goes (thrown at `position`).
    static func find(_ frame: Frame, context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> AnalysisUnit? {
        let key = frame.table.key
        guard key.count > 1 else { return nil }
        var chosen = key[0]
        var plural = Localized(en: "values of \(key[0])", fi: "\(key[0])-arvoa")
        if let origin = frame.origin {
            for name in key {
                if let relation = unitRelation(from: origin, on: name, in: context.workspace) {
                    chosen = name
                    plural = Localized(en: relation.target, fi: relation.target)
                    break
                }
            }
        }
        guard let column = frame.table.column(named: chosen) else { return nil }
        let poll = CancelPoll(context)
        let (ids, firstRows) = denseIds(try frame.data(of: column, context: context, at: position), poll)
        try poll.check(at: position)
        return AnalysisUnit(column: chosen, plural: plural, ids: ids, firstRows: firstRows)
    }

    /// The declared relation by which key column `name` of `origin` names a unit of another
    /// table (`responses.participant` → `participants.id`); `delta` pairs by the same rule.
    static func unitRelation(from origin: String, on name: String, in workspace: Workspace) -> Relation? {
        workspace.relations.first { $0.table == origin && $0.columns == [name] && $0.targetColumns.count == 1 }
    }

    /// Dense ids of `data`'s values and the first row of each; a missing value is a unit of its
    /// own. Stops at `poll`'s flag, the ids past it left unwritten.
    private static func denseIds(_ data: ColumnData, _ poll: CancelPoll) -> ([Int], [Int]) {
        var firstRows: [Int] = []
        // The ids are written in row order below, so their fresh pages need no zeroing first.
        let ids = [Int](unsafeUninitializedCapacity: data.count) { ids, initialized in
            switch data {
            case .categorical(let c, _):
                func dense<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) {
                    var idOfCode = [Int](repeating: -1, count: c.levels.count + 1)
                    poll.blocks(0..<codes.count) { block in
                        for row in block {
                            let code = Int(codes[row])
                            if code == 0 {
                                ids[row] = firstRows.count
                                firstRows.append(row)
                            } else if idOfCode[code] >= 0 {
                                ids[row] = idOfCode[code]
                            } else {
                                idOfCode[code] = firstRows.count
                                ids[row] = firstRows.count
                                firstRows.append(row)
                            }
                        }
                    }
                }
                c.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): dense(b)
                    case .u16(let b): dense(b)
                    case .u32(let b): dense(b)
                    }
                }
            default:
                var idOfValue: [String: Int] = [:]
                poll.blocks(0..<data.count) { block in
                    for row in block {
                        if data.isMissing(row) {
                            ids[row] = firstRows.count
                            firstRows.append(row)
                        } else {
                            let text = PairingValues.text(data, row)
                            if let id = idOfValue[text] {
                                ids[row] = id
                            } else {
                                idOfValue[text] = firstRows.count
                                ids[row] = firstRows.count
                                firstRows.append(row)
                            }
                        }
                    }
                }
            }
            initialized = data.count
        }
        return (ids, firstRows)
    }

    /// True when `column` has one value (or missing throughout) within every unit; looks at
    /// the cancel flag every block of rows (thrown at `position`).
    func isConstant(_ column: Column, in frame: Frame, context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> Bool {
        let data = try frame.data(of: column, context: context, at: position)
        let poll = CancelPoll(context)
        var constant = true
        func scan(_ same: (Int, Int) -> Bool) {
            ids.withUnsafeBufferPointer { ids in
                firstRows.withUnsafeBufferPointer { firstRows in
                    poll.blocks(0..<ids.count) { block in
                        guard constant else { return }
                        for row in block where !same(row, firstRows[ids[row]]) {
                            constant = false
                            return
                        }
                    }
                }
            }
        }
        switch data {
        case .integer(let v): scan { v[$0] == v[$1] }
        case .decimal(let v): scan { v[$0] == v[$1] || (v[$0].isNaN && v[$1].isNaN) }
        case .text(let v): scan { v[$0] == v[$1] }
        case .categorical(let c, _):
            c.codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): scan { b[$0] == b[$1] }
                case .u16(let b): scan { b[$0] == b[$1] }
                case .u32(let b): scan { b[$0] == b[$1] }
                }
            }
        }
        try poll.check(at: position)
        return constant
    }

    /// `frame` with only the first row of each unit.
    func reduced(_ frame: Frame) -> Frame {
        var next = frame
        next.rows = frame.rows.map { rows in firstRows.map { rows[$0] } } ?? firstRows
        return next
    }

    /// "21" (rows in every unit), or "1–21" when units differ in size; looks at the cancel flag
    /// every block of rows (thrown at `position`).
    private func rowsPerUnit(context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> String {
        var sizes = [Int](repeating: 0, count: count)
        let poll = CancelPoll(context)
        poll.blocks(0..<ids.count) { block in
            for row in block { sizes[ids[row]] += 1 }
        }
        try poll.check(at: position)
        return Self.perUnit(low: sizes.min() ?? 0, high: sizes.max() ?? 0)
    }

    /// "21", or "1–21" when the smallest and largest units differ.
    static func perUnit(low: Int, high: Int) -> String {
        low == high ? "\(low)" : "\(low)–\(high)"
    }

    /// The unit of an analysis of `analysed`, the frame `resolve` made of `given`: the unit
    /// column when the rows were reduced to one per unit, else every row (naming the unit
    /// the rows repeat, if any), else the key of a table whose rows are already its units.
    /// `unit` is what `find` gave for `given` (`resolve` returns it).
    static func summary(of given: Frame, analysed: Frame, unit: AnalysisUnit?) -> AnalysisUnitSummary {
        let rows = given.rowCount
        if let unit, unit.count < rows {
            if analysed.rowCount < rows {
                return AnalysisUnitSummary(name: unit.column, count: analysed.rowCount, tableRows: rows)
            }
            return AnalysisUnitSummary(name: "row", count: rows, tableRows: rows, repeats: unit.column)
        }
        let key = given.table.key
        return AnalysisUnitSummary(name: key.isEmpty ? "row" : key.joined(separator: " × "), count: rows, tableRows: rows)
    }

    /// How an analysis verb's frame is read: reduced to one row per unit when every analysed
    /// column is constant within it, every row otherwise (or when the user asked for `rows`),
    /// with the note that says which and why, and the unit `find` gave (for `summary`). Looks
    /// at the cancel flag throughout, as `find` does.
    static func resolve(_ frame: Frame, analysing names: [String], rowLevel: Bool, hasTests: Bool,
                        pairedForm: Bool = false, context: EvaluationContext,
                        at position: SourcePosition) throws(Diagnostic) -> (frame: Frame, note: Localized?, unit: AnalysisUnit?) {
        let found = try find(frame, context: context, at: position)
        guard let unit = found, unit.count < frame.rowCount else { return (frame, nil, found) }
        let (frame, note) = try unit.resolve(frame, analysing: names, rowLevel: rowLevel, hasTests: hasTests,
                                             pairedForm: pairedForm, context: context, at: position)
        return (frame, note, unit)
    }

    /// `AnalysisUnit.resolve` with this unit, which `find` gave for `frame` and which has
    /// fewer units than the frame has rows.
    func resolve(_ frame: Frame, analysing names: [String], rowLevel: Bool, hasTests: Bool,
                         pairedForm: Bool, context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> (Frame, Localized?) {
        let unit = self
        let columns = names.compactMap { frame.table.column(named: $0) }
        var varying: [String] = []
        for column in columns {
            if try !unit.isConstant(column, in: frame, context: context, at: position) { varying.append(column.name) }
        }
        let perUnit = varying.isEmpty ? try unit.rowsPerUnit(context: context, at: position) : ""
        let note = Self.note(column: unit.column, plural: unit.plural, rows: frame.rowCount, units: unit.count, perUnit: perUnit,
                             analysing: names, varying: varying, key: frame.table.key, rowLevel: rowLevel,
                             hasTests: hasTests, pairedForm: pairedForm)
        return (varying.isEmpty && !rowLevel ? unit.reduced(frame) : frame, note)
    }

    /// The note `resolve` writes for a unit `column` (`plural` in notes) of `units` in `rows`
    /// rows, `perUnit` rows each (`perUnit(low:high:)`), when `varying` of the analysed `names`
    /// vary within it; the frame is reduced when none varies and `rowLevel` is false. Shared
    /// with executors that decide the rule elsewhere (a database), so the note reads the same.
    static func note(column: String, plural: Localized, rows: Int, units: Int, perUnit: String, analysing names: [String],
                     varying: [String], key: [String], rowLevel: Bool, hasTests: Bool, pairedForm: Bool) -> Localized? {
        let unit = (column: column, plural: plural)
        let list = names.joined(separator: ", ")
        if varying.isEmpty {
            if rowLevel {
                return (Localized(
                    en: "Unit: every one of the \(rows) rows, as asked (rows); they hold only \(units) \(unit.plural.en), and \(list) do not vary within \(unit.column), so each \(unit.column) is counted \(perUnit) per \(unit.column).",
                    fi: "Yksikkö: jokainen \(rows) rivistä, kuten pyydettiin (rows); niissä on vain \(units) \(unit.plural.fi), eikä \(list) vaihtele \(unit.column)-arvon sisällä, joten kukin lasketaan \(perUnit) kutakin \(unit.column)-arvoa kohden."))
            }
            return (Localized(
                en: "Unit: one row per \(unit.column), \(units) \(unit.plural.en); the table has \(rows) rows, \(perUnit) per \(unit.column), and \(list) do not vary within \(unit.column). `rows` analyses every row.",
                fi: "Yksikkö: yksi rivi kutakin \(unit.column)-arvoa kohden, \(units) \(unit.plural.fi); taulussa on \(rows) riviä, \(perUnit) kutakin \(unit.column)-arvoa kohden, eikä \(list) vaihtele \(unit.column)-arvon sisällä. `rows` analysoi jokaisen rivin."))
        }
        guard hasTests else { return nil }
        let which = varying.joined(separator: ", ")
        let verb = varying.count == 1 ? "varies" : "vary"
        // The varying key column is the occasion (phase) and the other the answer (score), so
        // the paired analysis to point to can be spelt out.
        let occasion = varying.first { key.contains($0) }
        let answer = varying.first { !key.contains($0) }
        let hint = occasion.flatMap { k in answer.map { "delta \($0) by \(k)" } } ?? "delta"
        // crosstab PHASE by ANSWER has a paired form of its own: the same table as pairs.
        let paired = pairedForm ? occasion.flatMap { k in answer.map { "crosstab \($0) by \(k) paired" } } : nil
        let alsoEn = paired.map { ", or \($0) for the paired table with McNemar, Bowker and Stuart–Maxwell" } ?? ""
        let alsoFi = paired.map { " tai parittaiseen taulukkoon (McNemar, Bowker, Stuart–Maxwell) \($0)" } ?? ""
        return (Localized(
            en: "Repeated measures: \(which) \(verb) within \(unit.column), so the \(rows) rows are repeated answers of \(units) \(unit.plural.en), and the tests below treat them as independent. For change within the same people use \(hint)\(alsoEn).",
            fi: "Toistomittaus: \(which) vaihtelee \(unit.column)-arvon sisällä, joten \(rows) riviä ovat \(units) yksikön (\(unit.plural.fi)) toistuvia vastauksia, ja alla olevat testit käsittelevät niitä riippumattomina. Samojen ihmisten muutokseen sopii \(hint)\(alsoFi)."))
    }
}
