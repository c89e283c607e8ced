import ArvioData

/// What becomes of an analysis verb's statistics when a relational verb follows it: tests
/// describe the rows they were computed on, so a verb that removes, adds or rewrites those rows
/// (`where`, `take`, `join`, `group`, `derive` of an analysed column) must not leave them under a
/// table they no longer describe. `delta score by phase per participant | where change < 0`
/// would otherwise print the tests of all 12 pairs under a one-row table.
///
/// A block that describes some rows of the result (one group of `delta ... per G`) is kept
/// while all its rows remain, so `delta ... per area | where area == "..."` keeps that area's
/// tests, which are exactly what the analysis of that group gives. A block over the whole
/// table is kept only while the rows are the same (`select`, `sort`, a `derive` of a new
/// column); otherwise it is left out, and one note says which verb removed it and why.
enum StatisticsCarry {
    /// `after` with the statistics of `before` that still describe its rows.
    static func carry(from before: Frame, to after: Frame, operation: PlanOperator, verb: String) -> Frame {
        let blocks = before.table.statistics
        guard !blocks.isEmpty, isRelational(operation) else { return after }
        var next = after
        let old = before.rows ?? Array(0..<before.table.rowCount)
        switch operation {
        case .select:
            next.table.statistics = blocks
            return next
        case .derive(let derived):
            let replaced = derived.map(\.name).filter { before.table.column(named: $0) != nil }
            guard !replaced.isEmpty else {
                next.table.statistics = blocks
                return next
            }
            next.table.statistics = []
            next.notes.append(dropped(verb: verb, why: Localized(
                en: "it replaced \(replaced.joined(separator: ", ")), which they were computed from",
                fi: "se korvasi sarakkeen \(replaced.joined(separator: ", ")), josta ne laskettiin"), advise: false))
            return next
        case .filter, .sort, .take:
            // These keep the table and change its selection: each old row is found by its
            // table row.
            let new = after.rows ?? Array(0..<after.table.rowCount)
            var position = [Int: Int]()
            for (i, row) in new.enumerated() { position[row] = i }
            let sameRows = new.count == old.count && Set(new) == Set(old)
            var kept: [StatisticsBlock] = []
            var lost = 0
            for block in blocks {
                if let rows = block.rows {
                    let moved = rows.compactMap { $0 < old.count ? position[old[$0]] : nil }
                    if moved.count == rows.count {
                        var block = block
                        block.rows = moved
                        kept.append(block)
                    } else {
                        lost += 1
                    }
                } else if sameRows {
                    kept.append(block)
                } else {
                    lost += 1
                }
            }
            next.table.statistics = kept
            guard lost > 0 else { return next }
            if kept.isEmpty {
                next.notes.append(dropped(verb: verb, why: Localized(en: "it removed rows they describe", fi: "se poisti rivejä, joita ne kuvaavat"),
                                          count: lost))
            } else {
                let adjusted = kept.contains { $0.entries.contains { $0.adjustedP != nil } }
                let family = adjusted
                    ? Localized(en: " (p adj still corrects over all \(blocks.count))", fi: " (p korj korjaa yhä kaikkien \(blocks.count) yli)")
                    : Localized("")
                next.notes.append(Localized(
                    en: "The tests of \(lost) group\(lost == 1 ? "" : "s") were left out after \(verb), which removed their rows; the \(kept.count) still in the table keep theirs\(family.en).",
                    fi: "\(lost) ryhmän testit jätettiin pois \(verb)-vaiheen jälkeen, koska se poisti niiden rivit; taulussa yhä olevat \(kept.count) säilyttävät omansa\(family.fi)."))
            }
            return next
        default:
            // join, group, count, distinct: new rows, or rows whose unit changed.
            if case .join = operation, after.rowCount == before.rowCount {
                next.table.statistics = blocks.filter { $0.rows == nil }
                if next.table.statistics.count == blocks.count { return next }
            } else {
                next.table.statistics = []
            }
            next.notes.append(dropped(verb: verb, why: Localized(en: "its rows are not the rows they were computed on",
                                                                 fi: "sen rivit eivät ole ne, joista ne laskettiin"),
                                      count: blocks.count - next.table.statistics.count))
            return next
        }
    }

    private static func isRelational(_ operation: PlanOperator) -> Bool {
        switch operation {
        case .filter, .select, .derive, .aggregate, .count, .sort, .take, .distinct, .join: true
        default: false
        }
    }

    /// "Statistics left out after where (3 blocks): it removed rows they describe. To test a
    /// subset, choose its rows before the analysis verb."
    private static func dropped(verb: String, why: Localized, count: Int? = nil, advise: Bool = true) -> Localized {
        let blocks = count.map { " (\($0) block\($0 == 1 ? "" : "s"))" } ?? ""
        let blocksFi = count.map { " (\($0) lohko\($0 == 1 ? "" : "a"))" } ?? ""
        return Localized(
            en: "Statistics left out after \(verb)\(blocks): \(why.en).\(advise ? " To test a subset, choose its rows before the analysis verb." : "")",
            fi: "Tunnusluvut jätettiin pois \(verb)-vaiheen jälkeen\(blocksFi): \(why.fi).\(advise ? " Osajoukon testaamiseksi valitse sen rivit ennen analyysiverbiä." : "")")
    }
}
