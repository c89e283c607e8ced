import ArvioData

/// Who a row of paired data belongs to, and the reason recorded for them: what `delta` and
/// `attrition` show for the people with only one answer.
///
/// The *unit* is the first pairing-key column that refers to another table through a declared
/// relation (`responses.participant` → `participants.id`); without one, the first key column;
/// in wide data without a key, the row number. The *reason* is read from the first column
/// whose name contains `status` (a category, shown by its label), or else from a column whose
/// name contains `reason` (in Finnish output a `…_fi` column is preferred), looked up first
/// in the frame itself and then in the referred-to table.
struct PairingUnits {
    /// The unit column's name ("participant"), or nil for row numbers.
    var name: String?
    /// The unit of each frame row ("P04", or "row 4").
    var unitOf: (Int) -> String
    /// The reason recorded for a frame row's unit, if any, in both languages.
    var reasonOf: (Int) -> Localized?
    /// The referred-to table (participants) and the row of each frame row's unit in it.
    var target: Table?
    var targetRowOf: (Int) -> Int?
    /// A dense id of each frame row's unit (`0 ..< idCount`, equal units equal ids) when the
    /// unit column is categorical, so units are counted without building their names.
    var idOf: ((Int) -> Int)? = nil
    var idCount = 0
    /// The codes behind `idOf` (by frame row), for loops that read them without a closure call.
    var codes: Codes?

    /// The units of `frame`'s rows under the pairing key `keyNames`.
    static func make(frame: Frame, keyNames: [String], context: EvaluationContext) -> PairingUnits {
        guard let first = keyNames.first, let unitColumn = frame.table.column(named: first) else {
            return PairingUnits(name: nil, unitOf: { "row \($0 + 1)" }, reasonOf: reasonReader(frame.table, frame.rows),
                                target: nil, targetRowOf: { _ in nil })
        }
        var unit = unitColumn
        var target: (table: Table, column: Column)?
        if let origin = frame.origin {
            for name in keyNames {
                guard let relation = AnalysisUnit.unitRelation(from: origin, on: name, in: context.workspace),
                      let table = context.workspace.table(named: relation.target),
                   let column = table.column(named: relation.targetColumns[0]),
                   let own = frame.table.column(named: name) else { continue }
                unit = own
                target = (table, column)
                break
            }
        }
        let data = frame.data(of: unit)
        let unitOf: (Int) -> String = { PairingValues.text(data, $0) }
        var targetRowOf: (Int) -> Int? = { _ in nil }
        if let target {
            var index: [String: Int] = [:]
            for row in 0..<target.table.rowCount { index[PairingValues.text(target.column.data, row)] = row }
            targetRowOf = { index[unitOf($0)] }
        }
        let own = reasonReader(frame.table, frame.rows)
        let referred = target.map { reasonReader($0.table, nil) }
        let reasonOf: (Int) -> Localized? = { row in
            if let reason = own(row) { return reason }
            guard let referred, let targetRow = targetRowOf(row) else { return nil }
            return referred(targetRow)
        }
        var units = PairingUnits(name: unit.name, unitOf: unitOf, reasonOf: reasonOf, target: target?.table, targetRowOf: targetRowOf)
        if case .categorical(let c, _) = data {
            let codes = c.codes
            units.idOf = { codes[$0] }
            units.idCount = c.levels.count + 1
            units.codes = codes
        }
        return units
    }

    /// The reason column of `table` as a function of a row (through `rows`, a selection).
    /// Both languages are read here and one is picked when the result is shown, so a reason
    /// reads the same whichever way the language was set.
    static func reasonReader(_ table: Table, _ rows: [Int]?) -> (Int) -> Localized? {
        guard let en = reasonColumn(table, .en), let fi = reasonColumn(table, .fi) else { return { _ in nil } }
        func read(_ data: ColumnData, _ r: Int, _ language: Language) -> String? {
            switch data {
            case .categorical(let c, _): return c.level(at: r)?.display(language)
            case .text(let t): return t[r].flatMap { $0.isEmpty ? nil : $0 }
            default: return nil
            }
        }
        return { row in
            let r = rows.map { $0[row] } ?? row
            guard let english = read(en.data, r, .en) else { return nil }
            return Localized(en: english, fi: read(fi.data, r, .fi) ?? english)
        }
    }

    /// The column holding a status or reason, by the rule above.
    static func reasonColumn(_ table: Table, _ language: Language) -> Column? {
        if let status = table.columns.first(where: { $0.name.lowercased().contains("status") && $0.type == .categorical }) {
            return status
        }
        let reasons = table.columns.filter { $0.name.lowercased().contains("reason") && ($0.type == .text || $0.type == .categorical) }
        let finnish = reasons.first { $0.name.lowercased().hasSuffix("_fi") }
        let other = reasons.first { !$0.name.lowercased().hasSuffix("_fi") }
        return language == .fi ? (finnish ?? other) : (other ?? finnish)
    }

    /// Whether `name` is a status or reason column (left out of background comparisons).
    static func isStatusOrReason(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("status") || lower.contains("reason")
    }

    /// "P04 (dropped out of the training), P06 (…)": the units of `rows` with their reasons,
    /// each once, with how many rows each has when more than one.
    func listing(_ rows: [Int], limit: Int = 20) -> (text: Localized, units: Int) {
        if let idOf { return listing(rows, limit: limit, idOf: idOf) }
        var order: [String] = []
        var count: [String: Int] = [:]
        var reason: [String: Localized] = [:]
        for row in rows {
            let unit = unitOf(row)
            if count[unit] == nil {
                order.append(unit)
                reason[unit] = reasonOf(row)
            }
            count[unit, default: 0] += 1
        }
        let many = count.values.contains { $0 > 1 }
        func text(_ language: Language) -> String {
            let parts = order.prefix(limit).map { unit -> String in
                var extra: [String] = []
                if many { extra.append("\(count[unit]!)") }
                if let r = reason[unit] { extra.append(r.text(language)) }
                return extra.isEmpty ? Self.unitText(unit, language) : "\(Self.unitText(unit, language)) (\(extra.joined(separator: ", ")))"
            }
            return parts.joined(separator: ", ") + Self.more(order.count - limit, language)
        }
        return (Localized(en: text(.en), fi: text(.fi)), order.count)
    }

    /// The same listing, counting units by id and naming only the first `limit`.
    private func listing(_ rows: [Int], limit: Int, idOf: (Int) -> Int) -> (text: Localized, units: Int) {
        var count = [Int32](repeating: 0, count: idCount)
        var firstRows: [Int] = []
        var units = 0
        var many = false
        for row in rows {
            let id = idOf(row)
            if count[id] == 0 {
                units += 1
                if firstRows.count < limit { firstRows.append(row) }
            } else {
                many = true
            }
            count[id] += 1
        }
        let text = listing(firstRows: firstRows, rowCounts: firstRows.map { Int(count[idOf($0)]) }, units: units, many: many, limit: limit)
        return (text, units)
    }

    /// The listing of `units` units named by their first rows `firstRows` (at most `limit`, in
    /// the order they are listed), each with its number of rows when `many` units have several.
    func listing(firstRows: [Int], rowCounts: [Int], units: Int, many: Bool, limit: Int = 20) -> Localized {
        func text(_ language: Language) -> String {
            let parts = firstRows.indices.map { i -> String in
                let row = firstRows[i]
                let unit = Self.unitText(unitOf(row), language)
                var extra: [String] = []
                if many { extra.append("\(rowCounts[i])") }
                if let r = reasonOf(row) { extra.append(r.text(language)) }
                return extra.isEmpty ? unit : "\(unit) (\(extra.joined(separator: ", ")))"
            }
            return parts.joined(separator: ", ") + Self.more(units - limit, language)
        }
        return Localized(en: text(.en), fi: text(.fi))
    }

    /// ", … 3 more" after a listing cut at its limit; nothing when `count` is not above zero.
    private static func more(_ count: Int, _ language: Language) -> String {
        guard count > 0 else { return "" }
        return language == .fi ? ", … \(count) muuta" : ", … \(count) more"
    }

    /// A unit's name; a row number ("row 4") is said in the language.
    private static func unitText(_ unit: String, _ language: Language) -> String {
        guard language == .fi, unit.hasPrefix("row "), Int(unit.dropFirst(4)) != nil else { return unit }
        return "rivi " + unit.dropFirst(4)
    }

    /// How many distinct units the rows belong to.
    func unitCount(_ rows: [Int]) -> Int {
        if let idOf {
            var seen = [Bool](repeating: false, count: idCount)
            var units = 0
            for row in rows where !seen[idOf(row)] {
                seen[idOf(row)] = true
                units += 1
            }
            return units
        }
        var seen = Set<String>()
        for row in rows { seen.insert(unitOf(row)) }
        return seen.count
    }
}
