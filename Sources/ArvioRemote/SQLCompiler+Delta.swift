import ArvioData
import ArvioQuery

/// `delta V by PHASE [per G]` in one statement: the server pairs each pre row with the post row
/// of the same key, and returns only what the statistics need (`DeltaTally`): the tally of
/// (pre, post) pairs per group, the tally of units' sums, the unpaired rows' counts and sums,
/// the first units the notes name, and, for the test between groups, one change per unit. The
/// parts are rows of one UNION ALL, told apart by their first column.
extension SQLCompiler {
    /// The parts of the statement, in its first column.
    enum DeltaPart: Int {
        case groups = 0, pairs, units, firstOnly, secondOnly, firstOnlyUnits, secondOnlyUnits, totals, sharedUnit, unitChanges
    }

    /// The statement for `request` on `input`; the columns are the part, one text per group
    /// column, five whole numbers and three texts.
    mutating func deltaTally(_ request: DeltaTallyRequest, on input: Relation) throws(NotCompilable) -> String {
        func kind(_ name: String) throws(NotCompilable) -> SQLKind {
            guard let column = input.columns.first(where: { $0.name == name }) else {
                throw NotCompilable(reason: "the column \"\(name)\" is not known here")
            }
            return column.kind
        }
        let r = alias()
        func column(_ name: String) -> String { "\(r).\(q(name))" }
        var items: [String] = []
        // Key order as in memory, on the per-key rows' columns (k0 the unit, then the rest).
        var order: [String] = []
        for (i, name) in request.key.enumerated() {
            items.append("\(column(name)) AS k\(i)")
            let (sql, isText) = sortKey("k\(i)", try kind(name))
            order.append(isText ? "\(sql) COLLATE \"C\"" : sql)
        }
        let groups = request.groups.indices.map { "g\($0)" }
        for (j, name) in request.groups.enumerated() {
            _ = try kind(name)
            items.append("\(column(name))::text AS g\(j)")
        }
        let phases = parameters.addArray(request.phases)
        _ = try kind(request.phase)
        _ = try kind(request.value)
        // The phase's text once per row (array_position is NULL for any other value): an enum
        // column's text costs a catalog lookup each time, and a CASE of two comparisons took it
        // twice for every second-phase row, in each of the statement's three scans.
        items.append("array_position(\(phases), \(column(request.phase))) - 1 AS side")
        if request.valueLevels.isEmpty {
            items.append("\(column(request.value)) AS v")
        } else {
            let levels = parameters.addArray(request.valueLevels)
            let numbers = parameters.add(SQLText.arrayParameter(request.valueNumbers.map(String.init)), as: "int8[]")
            items.append("(\(numbers))[array_position(\(levels), \(column(request.value)))] AS v")
        }
        for (i, name) in request.reasons.enumerated() {
            _ = try kind(name)
            items.append("\(column(name))::text AS re\(i)")
        }
        let keys = request.key.indices.map { "k\($0)" }
        let unitOrder = order[0]
        let withinUnit = order.dropFirst().joined(separator: ", ")
        let g = groups.joined(separator: ", ")
        let gComma = groups.isEmpty ? "" : g + ", "
        let reasons = request.reasons.indices.map { "re\($0)" }
        // One row per pairing key: its value in each phase, its group (the first phase's row's,
        // or the second's when only that has a value) and its reason in each phase, the rows of
        // the two phases matched by a full join on the key (unique in each phase: the input's
        // key without the phase), so a key with one phase's value keeps it and NULL for the other.
        var perKey = keys.map { "COALESCE(a.\($0), b.\($0)) AS \($0)" }
        perKey += ["a.v AS v0", "b.v AS v1"]
        perKey += groups.map { "CASE WHEN a.v IS NOT NULL THEN a.\($0) ELSE b.\($0) END AS \($0)" }
        for (side, name) in [(0, "a"), (1, "b")] {
            perKey += reasons.map { "\(name).\($0) AS \($0)_\(side)" }
        }
        let matched = keys.map { "a.\($0) = b.\($0)" }.joined(separator: " AND ")
        let paired = "v0 IS NOT NULL AND v1 IS NOT NULL"
        let firstOnly = "v0 IS NOT NULL AND v1 IS NULL"
        let secondOnly = "v1 IS NOT NULL AND v0 IS NULL"
        var ctes: [String] = []
        ctes.append("s AS NOT MATERIALIZED (SELECT \(items.joined(separator: ", ")) FROM (\(input.sql)) AS \(r))")
        ctes.append("""
            kk AS MATERIALIZED (SELECT \(perKey.joined(separator: ", ")) FROM (SELECT * FROM s WHERE side = 0 AND v IS NOT NULL) AS a \
            FULL JOIN (SELECT * FROM s WHERE side = 1 AND v IS NOT NULL) AS b ON \(matched))
            """)
        // Per unit and group, in one pass over the per-key rows (each grouping of millions of
        // them costs seconds): its pairs' sums, its first-only and its second-only rows. Every
        // later part reads this or the per-unit rows below, which are far fewer.
        ctes.append("""
            ug AS MATERIALIZED (SELECT k0, \(gComma)count(*) FILTER (WHERE \(paired)) AS np, sum(v0) FILTER (WHERE \(paired)) AS a, \
            sum(v1) FILTER (WHERE \(paired)) AS b, count(*) FILTER (WHERE \(firstOnly)) AS na, sum(v0) FILTER (WHERE \(firstOnly)) AS sa, \
            count(*) FILTER (WHERE \(secondOnly)) AS nb, sum(v1) FILTER (WHERE \(secondOnly)) AS sb FROM kk GROUP BY k0\(groups.map { ", " + $0 }.joined()))
            """)
        // Per unit: without groups that is ug itself; ng counts the groups its pairs fall in.
        let un: String
        if groups.isEmpty {
            un = "(SELECT k0, np, na, nb FROM ug) AS u"
        } else {
            ctes.append("""
                un AS MATERIALIZED (SELECT k0, sum(np) AS np, sum(na) AS na, sum(nb) AS nb, count(*) FILTER (WHERE np > 0) AS ng \
                FROM ug GROUP BY k0)
                """)
            un = "un"
            // A unit is shared when its pairs fall in two groups (missing is a group, as in memory).
            ctes.append("sh AS MATERIALIZED (SELECT k0 FROM un WHERE ng > 1 ORDER BY \(unitOrder) LIMIT 1)")
        }

        /// One part: its group columns (or NULLs), up to five whole numbers and three texts.
        func part(_ which: DeltaPart, grouped: Bool, _ numbers: [String], _ texts: [String] = [], from: String) -> String {
            let groupItems = groups.map { grouped ? $0 : "NULL::text" }
            let numberItems = (0..<5).map { $0 < numbers.count ? "(\(numbers[$0]))::int8" : "NULL::int8" }
            let textItems = (0..<3).map { $0 < texts.count ? "(\(texts[$0]))::text" : "NULL::text" }
            let list = (["\(which.rawValue)"] + groupItems + numberItems + textItems).joined(separator: ", ")
            return "SELECT \(list) FROM \(from)"
        }
        let groupBy = groups.isEmpty ? "" : " GROUP BY \(g)"
        var parts: [String] = []
        // The groups among all the rows and the phases that have rows, in one scan.
        parts.append(part(.groups, grouped: true, ["side"], from: "s GROUP BY \(gComma)side"))
        parts.append(part(.pairs, grouped: true, ["v0", "v1", "count(*)"],
                          from: "(SELECT \(gComma)v0, v1 FROM kk WHERE \(paired)) AS x GROUP BY \(gComma)v0, v1"))
        parts.append(part(.units, grouped: true, ["a", "b", "np", "count(*)"], from: "ug WHERE np > 0 GROUP BY \(gComma)a, b, np"))
        parts.append(part(.firstOnly, grouped: true, ["sum(sa)", "sum(na)"], from: "ug WHERE na > 0\(groupBy)"))
        parts.append(part(.secondOnly, grouped: true, ["sum(sb)", "sum(nb)"], from: "ug WHERE nb > 0\(groupBy)"))
        let limit = PlanNode.deltaListingLimit
        for (which, condition, count, side) in [(DeltaPart.firstOnlyUnits, firstOnly, "na", 0), (.secondOnlyUnits, secondOnly, "nb", 1)] {
            let inner: String
            if reasons.isEmpty {
                inner = "SELECT k0, \(count) AS n FROM \(un) WHERE \(count) > 0 ORDER BY \(unitOrder) LIMIT \(limit)"
            } else {
                // The reason of the unit's first unpaired key (in key order).
                let firstReasons = reasons.map { reason in
                    "(array_agg(\(reason)_\(side)\(withinUnit.isEmpty ? "" : " ORDER BY \(withinUnit)")))[1] AS \(reason)"
                }
                inner = "SELECT k0, count(*) AS n, \(firstReasons.joined(separator: ", ")) FROM kk WHERE \(condition) GROUP BY k0 ORDER BY \(unitOrder) LIMIT \(limit)"
            }
            parts.append(part(which, grouped: false, ["n", "row_number() OVER (ORDER BY \(unitOrder))"], ["k0"] + reasons,
                              from: "(\(inner)) AS x"))
        }
        parts.append(part(.totals, grouped: false, [
            "count(*) FILTER (WHERE np > 0)", "count(*) FILTER (WHERE na > 0)", "count(*) FILTER (WHERE nb > 0)", "max(na)", "max(nb)",
        ], from: un))
        if !groups.isEmpty {
            parts.append(part(.sharedUnit, grouped: false, [], ["k0"], from: "sh"))
            parts.append(part(.unitChanges, grouped: true, ["b - a", "np", "row_number() OVER (ORDER BY \(unitOrder))"],
                              from: "ug WHERE np > 0 AND NOT EXISTS (SELECT 1 FROM sh)"))
        }
        let union = parts.map { "(\($0))" }.joined(separator: " UNION ALL ")
        return "WITH \(ctes.joined(separator: ", ")) \(union)"
    }
}

extension DeltaTally {
    /// The tally from the rows of `SQLCompiler.deltaTally`'s statement, `groupCount` group
    /// columns wide.
    init(rows: [[String?]], groupCount m: Int) {
        self.init()
        var ordered: [(Int, Cell)] = []
        var firstNamed: [(Int, NamedUnit)] = [], secondNamed: [(Int, NamedUnit)] = []
        var seenGroups = Set<[String?]>()
        for row in rows {
            guard let part = row[0].flatMap({ Int($0) }).flatMap(SQLCompiler.DeltaPart.init(rawValue:)) else { continue }
            let group = Array(row[1..<(1 + m)])
            let numbers = (0..<5).map { row[1 + m + $0].flatMap { Int64($0) } }
            let texts = (0..<3).map { row[6 + m + $0] }
            func cell(_ values: [Int?], _ count: Int?) -> Cell {
                Cell(group: group, values: values.map { Int64($0 ?? 0) }, count: count ?? 0)
            }
            let n = numbers.map { $0.map { Int($0) } }
            switch part {
            case .groups:
                if m > 0, seenGroups.insert(group).inserted { groups.append(group) }
                if let side = n[0], !phasesPresent.contains(side) { phasesPresent.append(side) }
            case .pairs: pairs.append(cell([n[0], n[1]], n[2]))
            case .units: units.append(cell([n[0], n[1], n[2]], n[3]))
            case .firstOnly: firstOnly.append(cell([n[0]], n[1]))
            case .secondOnly: secondOnly.append(cell([n[0]], n[1]))
            case .firstOnlyUnits, .secondOnlyUnits:
                let named = NamedUnit(unit: texts[0] ?? "", rows: n[0] ?? 0, reasons: Array(texts.dropFirst()))
                if part == .firstOnlyUnits { firstNamed.append((n[1] ?? 0, named)) } else { secondNamed.append((n[1] ?? 0, named)) }
            case .totals:
                unitsWithPairs = n[0] ?? 0
                unitsWithFirstOnly = n[1] ?? 0
                unitsWithSecondOnly = n[2] ?? 0
                mostFirstOnlyRows = n[3] ?? 0
                mostSecondOnlyRows = n[4] ?? 0
            case .sharedUnit: sharedUnit = texts[0]
            case .unitChanges: ordered.append((n[2] ?? 0, cell([n[0], n[1]], 1)))
            }
        }
        unitChanges = ordered.sorted { $0.0 < $1.0 }.map(\.1)
        firstOnlyUnits = firstNamed.sorted { $0.0 < $1.0 }.map(\.1)
        secondOnlyUnits = secondNamed.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
