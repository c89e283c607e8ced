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

    /// The unit of `frame`'s rows, or nil when each row is already one unit.
    static func find(_ frame: Frame, context: EvaluationContext) -> AnalysisUnit? {
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
        let (ids, firstRows) = denseIds(frame.data(of: column))
        return AnalysisUnit(column: chosen, plural: plural, ids: ids, firstRows: firstRows)
    }

    /// The declared relation by which key column `name` of `origin` names a unit of another
    /// table (`responses.participant` → `participants.id`); `delta` pairs by the same rule.
    static func unitRelation(from origin: String, on name: String, in workspace: Workspace) -> Relation? {
        workspace.relations.first { $0.table == origin && $0.columns == [name] && $0.targetColumns.count == 1 }
    }

    /// Dense ids of `data`'s values and the first row of each; a missing value is a unit of its own.
    private static func denseIds(_ data: ColumnData) -> ([Int], [Int]) {
        var ids = [Int](repeating: 0, count: data.count)
        var firstRows: [Int] = []
        switch data {
        case .categorical(let c, _):
            var idOfCode = [Int](repeating: -1, count: c.levels.count + 1)
            for row in 0..<data.count {
                let code = c.codes[row]
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
        default:
            var idOfValue: [String: Int] = [:]
            for row in 0..<data.count {
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
        return (ids, firstRows)
    }

    /// True when `column` has one value (or missing throughout) within every unit.
    func isConstant(_ column: Column, in frame: Frame) -> Bool {
        let data = frame.data(of: column)
        for row in 0..<data.count where !Self.same(data, row, firstRows[ids[row]]) { return false }
        return true
    }

    private static func same(_ data: ColumnData, _ i: Int, _ j: Int) -> Bool {
        switch data {
        case .integer(let v): v[i] == v[j]
        case .decimal(let v): v[i] == v[j] || (v[i].isNaN && v[j].isNaN)
        case .text(let v): v[i] == v[j]
        case .categorical(let c, _): c.codes[i] == c.codes[j]
        }
    }

    /// `frame` with only the first row of each unit.
    func reduced(_ frame: Frame) -> Frame {
        var next = frame
        next.rows = frame.rows.map { rows in firstRows.map { rows[$0] } } ?? firstRows
        return next
    }

    /// "21 per participant", or "1–21 per participant" when units differ in size.
    private func rowsPerUnit(_ language: Language) -> String {
        var sizes = [Int](repeating: 0, count: count)
        for id in ids { sizes[id] += 1 }
        let low = sizes.min() ?? 0, high = sizes.max() ?? 0
        let range = low == high ? "\(low)" : "\(low)–\(high)"
        return language == .fi ? "\(range) kutakin \(column)-arvoa kohden" : "\(range) per \(column)"
    }

    /// The unit of an analysis of `analysed`, the frame `resolve` made of `given`: the unit
    /// column when the rows were reduced to one per unit, else every row (naming the unit
    /// the rows repeat, if any), else the key of a table whose rows are already its units.
    static func summary(of given: Frame, analysed: Frame, context: EvaluationContext) -> AnalysisUnitSummary {
        let rows = given.rowCount
        if let unit = find(given, context: context), unit.count < rows {
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
    /// with the note that says which and why.
    static func resolve(_ frame: Frame, analysing names: [String], rowLevel: Bool, hasTests: Bool,
                        pairedForm: Bool = false, context: EvaluationContext) -> (frame: Frame, note: Localized?) {
        guard let unit = find(frame, context: context), unit.count < frame.rowCount else { return (frame, nil) }
        let columns = names.compactMap { frame.table.column(named: $0) }
        let varying = columns.filter { !unit.isConstant($0, in: frame) }.map(\.name)
        let rows = frame.rowCount, units = unit.count
        let list = names.joined(separator: ", ")
        if varying.isEmpty {
            if rowLevel {
                return (frame, Localized(
                    en: "Unit: every one of the \(rows) rows, as asked (rows); they hold only \(units) \(unit.plural.en), and \(list) do not vary within \(unit.column), so each \(unit.column) is counted \(unit.rowsPerUnit(.en)).",
                    fi: "Yksikkö: jokainen \(rows) rivistä, kuten pyydettiin (rows); niissä on vain \(units) \(unit.plural.fi), eikä \(list) vaihtele \(unit.column)-arvon sisällä, joten kukin lasketaan \(unit.rowsPerUnit(.fi))."))
            }
            return (unit.reduced(frame), Localized(
                en: "Unit: one row per \(unit.column), \(units) \(unit.plural.en); the table has \(rows) rows, \(unit.rowsPerUnit(.en)), and \(list) do not vary within \(unit.column). `rows` analyses every row.",
                fi: "Yksikkö: yksi rivi kutakin \(unit.column)-arvoa kohden, \(units) \(unit.plural.fi); taulussa on \(rows) riviä, \(unit.rowsPerUnit(.fi)), eikä \(list) vaihtele \(unit.column)-arvon sisällä. `rows` analysoi jokaisen rivin."))
        }
        guard hasTests else { return (frame, nil) }
        let which = varying.joined(separator: ", ")
        let verb = varying.count == 1 ? "varies" : "vary"
        // The varying key column is the occasion (phase) and the other the answer (score), so
        // the paired analysis to point to can be spelt out.
        let occasion = varying.first { frame.table.key.contains($0) }
        let answer = varying.first { !frame.table.key.contains($0) }
        let hint = occasion.flatMap { k in answer.map { "delta \($0) by \(k)" } } ?? "delta"
        // crosstab PHASE by ANSWER has a paired form of its own: the same table as pairs.
        let paired = pairedForm ? occasion.flatMap { k in answer.map { "crosstab \($0) by \(k) paired" } } : nil
        let alsoEn = paired.map { ", or \($0) for the paired table with McNemar, Bowker and Stuart–Maxwell" } ?? ""
        let alsoFi = paired.map { " tai parittaiseen taulukkoon (McNemar, Bowker, Stuart–Maxwell) \($0)" } ?? ""
        return (frame, Localized(
            en: "Repeated measures: \(which) \(verb) within \(unit.column), so the \(rows) rows are repeated answers of \(units) \(unit.plural.en), and the tests below treat them as independent. For change within the same people use \(hint)\(alsoEn).",
            fi: "Toistomittaus: \(which) vaihtelee \(unit.column)-arvon sisällä, joten \(rows) riviä ovat \(units) yksikön (\(unit.plural.fi)) toistuvia vastauksia, ja alla olevat testit käsittelevät niitä riippumattomina. Samojen ihmisten muutokseen sopii \(hint)\(alsoFi)."))
    }
}
