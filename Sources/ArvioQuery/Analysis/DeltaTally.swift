import ArvioData
import ArvioStats

/// What an executor that pairs rows elsewhere (a database) must count for `delta V by PHASE
/// [per G]` to be computed from the counts: the columns that pair, split and group the rows
/// of the operator's input. Only the long form on whole numbers, paired by the input's key
/// whose first column is the unit, has one (see `PlanNode.deltaTallyRequest`).
public struct DeltaTallyRequest: Sendable {
    /// The pairing key (the input's key without the phase), the unit first.
    public let key: [String]
    /// The phase column and its two values, first phase first, as text.
    public let phase: String
    public let phases: [String]
    /// The column compared: whole numbers, or a scale whose points stand for whole numbers.
    public let value: String
    /// For a scale, its levels' values and the number each stands for (empty for numbers).
    public let valueLevels: [String]
    public let valueNumbers: [Int64]
    /// The `per` columns.
    public let groups: [String]
    /// The reason columns (English, Finnish) of the input that name why a unit lacks a value.
    public let reasons: [String]
}

/// What the database counted for a `delta`: the tally of (pre, post) pairs per group, the
/// tally of units' sums per group, the unpaired rows, and the few units the notes name. Group
/// values are the columns' texts, missing nil.
public struct DeltaTally: Sendable {
    /// A count of rows, pairs or units with the same values.
    public struct Cell: Sendable {
        public var group: [String?]
        public var values: [Int64]
        public var count: Int
        /// Creates a cell.
        public init(group: [String?], values: [Int64], count: Int) {
            self.group = group
            self.values = values
            self.count = count
        }
    }

    /// A unit named in a note: its text, how many rows it has there, and its reason's texts.
    public struct NamedUnit: Sendable {
        public var unit: String
        public var rows: Int
        public var reasons: [String?]
        /// Creates a named unit.
        public init(unit: String, rows: Int, reasons: [String?]) {
            self.unit = unit
            self.rows = rows
            self.reasons = reasons
        }
    }

    /// The phases (0 first, 1 second) that have rows, missing values or not.
    public var phasesPresent: [Int] = []
    /// Every combination of the group columns among the input's rows.
    public var groups: [[String?]] = []
    /// Pairs by group: values (pre, post), count.
    public var pairs: [Cell] = []
    /// Units by group (all in one group without `per`): values (pre sum, post sum, pairs), count of units.
    public var units: [Cell] = []
    /// Rows with only the first phase's value, by group: values (sum of values), count of rows.
    public var firstOnly: [Cell] = []
    /// Rows with only the second phase's value.
    public var secondOnly: [Cell] = []
    /// The first units (in key order) with rows of only the first phase, and of only the second.
    public var firstOnlyUnits: [NamedUnit] = []
    public var secondOnlyUnits: [NamedUnit] = []
    /// How many distinct units have pairs, first-only rows, second-only rows.
    public var unitsWithPairs = 0
    public var unitsWithFirstOnly = 0
    public var unitsWithSecondOnly = 0
    /// The most first-only (second-only) rows one unit has.
    public var mostFirstOnlyRows = 0
    public var mostSecondOnlyRows = 0
    /// The first unit (in key order) whose pairs fall in several groups, if any.
    public var sharedUnit: String?
    /// Each unit's change summed over its pairs, in key order, when no unit is shared:
    /// values (sum of post − pre, pairs), count 1.
    public var unitChanges: [Cell] = []

    /// Creates an empty tally.
    public init() {}
}

extension PlanNode {
    /// How many units a `delta` note names before "… N more".
    public static let deltaListingLimit = 20

    /// The columns a database must count for this `delta` on `input`, or nil when the operator
    /// needs the rows (another verb, wide data, `on`, `pairs`, decimals or a scale, chosen phase
    /// values, a unit that is not the key's first column or whose order is not its text's, a
    /// `per` inside the key, or a reason that lives in another table).
    public func deltaTallyRequest(input schema: PlanSchema, workspace: Workspace) -> DeltaTallyRequest? {
        guard case .delta(let delta) = operation else { return nil }
        let spec = delta.spec
        guard spec.second == nil, let phase = spec.phase, spec.phaseValues == nil, spec.on.isEmpty, !spec.itemPairs else { return nil }
        let table = schema.table
        guard let value = table.column(named: spec.value.text),
              let phaseColumn = table.column(named: phase.text), case .categorical(let levels, _) = phaseColumn.data,
              levels.levels.count == 2, schema.key.contains(phase.text) else { return nil }
        // The numbers PairingValues.numbers reads: a scale point's number, else its position.
        var valueLevels: [String] = [], valueNumbers: [Int64] = []
        switch value.data {
        case .integer: break
        case .categorical(let c, true):
            for (i, level) in c.levels.enumerated() {
                let number = level.number ?? Double(i + 1)
                guard number == number.rounded(), abs(number) < 1e15 else { return nil }
                valueLevels.append(level.value)
                valueNumbers.append(Int64(number))
            }
        default: return nil
        }
        let key = schema.key.filter { $0 != phase.text }
        guard key.count >= 2, let unitColumn = table.column(named: key[0]) else { return nil }
        switch unitColumn.data {
        case .integer: break
        case .categorical(let c, _):
            let values = c.levels.map(\.value)
            guard zip(values, values.dropFirst()).allSatisfy({ $0.utf8.lexicographicallyPrecedes($1.utf8) }) else { return nil }
        default: return nil
        }
        let per = spec.per.map(\.text)
        for name in per {
            guard !key.contains(name), name != phase.text, let column = table.column(named: name),
                  column.type != .text, column.type != .decimal else { return nil }
        }
        // The unit PairingUnits picks: the first key column that refers to a table of units.
        var unitTarget: Table?
        if let origin = schema.origin {
            for name in key {
                guard let relation = AnalysisUnit.unitRelation(from: origin, on: name, in: workspace) else { continue }
                guard name == key[0] else { return nil }
                unitTarget = workspace.table(named: relation.target)
                break
            }
        }
        var reasons: [String] = []
        if let en = PairingUnits.reasonColumn(table, .en), let fi = PairingUnits.reasonColumn(table, .fi) {
            reasons = [en.name, fi.name]
        } else if let target = unitTarget, PairingUnits.reasonColumn(target, .en) != nil {
            return nil
        }
        // The phase values in the order the in-memory pairing takes them.
        var data = levels
        data.codes = Codes((1...UInt32(levels.levels.count)).map { $0 }, levelCount: levels.levels.count)
        guard case .categorical(_, let ordered) = phaseColumn.data,
              let split = try? PhaseSplit.make(.categorical(data, ordered: ordered), phase: phase, values: nil) else { return nil }
        return DeltaTallyRequest(key: key, phase: phase.text, phases: [split.names.first, split.names.second],
                                 value: spec.value.text, valueLevels: valueLevels, valueNumbers: valueNumbers,
                                 groups: per, reasons: reasons)
    }

    /// Runs this `delta` on `tally`, what the database counted for `request` on the rows of
    /// `schema`: the table, tests and notes the rows give, with the same statistics code.
    public func runOnDeltaTally(_ tally: DeltaTally, request: DeltaTallyRequest, schema: PlanSchema,
                                in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard case .delta(let delta) = operation, let phaseToken = delta.spec.phase else {
            throw Diagnostic(position, "\(verb) cannot run on a tally of pairs")
        }
        let spec = delta.spec
        let table = schema.table
        // Fewer than two phases left (a filter took one): the error the in-memory split gives.
        if tally.phasesPresent.count < 2, let column = table.column(named: request.phase),
           case .categorical(var c, let ordered) = column.data {
            let codes = tally.phasesPresent.compactMap { side in c.levels.firstIndex { $0.value == request.phases[side] } }
            c.codes = Codes(codes.map { UInt32($0 + 1) }, levelCount: c.levels.count)
            _ = try PhaseSplit.make(.categorical(c, ordered: ordered), phase: phaseToken, values: nil)
        }
        let groupColumns = request.groups.compactMap { table.column(named: $0) }

        // Groups in the in-memory order: level order or ascending, missing last.
        let groups = request.groups.isEmpty ? [[]] : RemoteGroups.sorted(tally.groups, columns: groupColumns)
        var groupIndex: [[String?]: Int] = [:]
        for (g, values) in groups.enumerated() { groupIndex[values] = g }
        let groupCount = groups.count
        func g(_ cell: DeltaTally.Cell) -> Int { request.groups.isEmpty ? 0 : groupIndex[cell.group] ?? 0 }

        let keyColumns = RemoteGroups.keyColumns(groups, columns: groupColumns)

        // The pairs of each group, as the in-memory pairing's PairedChange.grouped takes them.
        var pairTotal = 0
        var pairsOf = [Int](repeating: 0, count: groupCount)
        for cell in tally.pairs {
            pairsOf[g(cell)] += cell.count
            pairTotal += cell.count
        }
        let changes = Self.pairedChanges(tally.pairs, groupCount: groupCount, groupOf: g, total: pairTotal,
                                         zeroHandling: spec.zeroHandling)
        try context.checkCancelled(at: keyword.position)
        var preOnly = [Int64](repeating: 0, count: groupCount), postOnly = preOnly
        for cell in tally.firstOnly { preOnly[g(cell)] += Int64(cell.count) }
        for cell in tally.secondOnly { postOnly[g(cell)] += Int64(cell.count) }

        let columns = Delta.columns(groups: keyColumns, changes: changes, preOnly: preOnly, postOnly: postOnly)
        var next = schema.frame.replacingColumns(columns, rowCount: groupCount, keepOrigin: false)
        next.table.key = request.groups

        // The tests: one entry per unit and group (UnitMeans), when a unit has several pairs.
        let single = request.groups.isEmpty
        let unitName = request.key[0]
        let mostPairs = tally.units.map { Int($0.values[2]) }.max() ?? 0
        let tested: [PairedChange]
        let testedGroups = single ? 1 : groupCount
        var unitIDs: Int?
        if let unit = table.column(named: unitName), case .categorical(let c, _) = unit.data { unitIDs = c.levels.count + 1 }
        let pairValues = tally.pairs.flatMap { [Double($0.values[0]), Double($0.values[1])] }
        let slots = testedGroups.multipliedReportingOverflow(by: unitIDs ?? 0)
        if mostPairs > 1, unitIDs != nil, pairTotal >= PairedChange.tallyThreshold * testedGroups, pairTotal < Int(Int32.max),
           PairedTally.range(pairValues, pairValues) != nil, !slots.overflow, slots.partialValue <= max(1 << 20, 4 * pairTotal) {
            // Where Delta counts units by their sums (UnitMeans.tallies), the server's tally is that.
            var tallies = [UnitChangeTally](repeating: UnitChangeTally(), count: testedGroups)
            for cell in tally.units {
                tallies[single ? 0 : g(cell)].add(pairs: Int(cell.values[2]), preSum: Int(cell.values[0]),
                                                  postSum: Int(cell.values[1]), count: cell.count)
            }
            tested = tallies.map { PairedChange(unitTally: $0, zeroHandling: spec.zeroHandling) }
        } else if mostPairs > 1 {
            // One entry per unit and group, as UnitMeans gives them, in one call as Delta makes it
            // (whether the groups go through tallies is decided over all of them).
            var pre: [Double] = [], post: [Double] = [], change: [Double] = [], groupOf: [Int] = []
            for cell in tally.units {
                let k = Double(cell.values[2])
                let group = single ? 0 : g(cell)
                pre.append(contentsOf: repeatElement(Double(cell.values[0]) / k, count: cell.count))
                post.append(contentsOf: repeatElement(Double(cell.values[1]) / k, count: cell.count))
                change.append(contentsOf: repeatElement(Double(cell.values[1] - cell.values[0]) / k, count: cell.count))
                groupOf.append(contentsOf: repeatElement(group, count: cell.count))
            }
            tested = PairedChange.grouped(pre: pre, post: post, differences: change, groupCount: testedGroups,
                                          groupOf: { groupOf[$0] }, zeroHandling: spec.zeroHandling)
        } else {
            tested = changes
        }
        try context.checkCancelled(at: keyword.position)
        let arrow = "\(request.phases[0]) → \(request.phases[1])"
        func counted(_ group: Int) -> Localized {
            let pairCount = single ? pairTotal : changes[group].count
            let pairs = AnalysisText.pairs(pairCount)
            guard mostPairs > 1, tested[group].count < pairCount else { return pairs }
            return Localized(en: "\(pairs.en) (\(tested[group].count) by \(unitName))", fi: "\(pairs.fi) (\(tested[group].count) \(unitName)-arvoittain)")
        }
        var statistics: [StatisticsBlock]
        if single {
            let what = "\(spec.valueName): \(arrow)"
            statistics = [tested[0].block(title: Localized(en: "\(what), \(counted(0).en)", fi: "\(what), \(counted(0).fi)"),
                                          zeroHandling: spec.zeroHandling)]
        } else {
            statistics = (0..<groupCount).map { group in
                let label = Delta.groupLabel(keyColumns, group)
                let what = "\(spec.valueName) \(arrow)"
                var block = tested[group].block(title: Localized(en: "\(label.en): \(what), \(counted(group).en)",
                                                                 fi: "\(label.fi): \(what), \(counted(group).fi)"),
                                                zeroHandling: spec.zeroHandling)
                block.rows = [group]
                return block
            }
        }
        let family = Localized(en: "one per \(request.groups.joined(separator: " × "))",
                               fi: "yksi kutakin \(request.groups.joined(separator: " × "))-arvoa kohden")
        let adjustNote = statistics.count > 1 ? spec.testing.adjustAcross(&statistics, family: family) : nil
        var betweenNote: Localized?
        if statistics.count > 1 {
            let between = Self.betweenGroups(tally, keyColumns: keyColumns, groupOf: g, groupCount: groupCount,
                                             unitName: unitName, valueName: spec.valueName, isCancelled: context.isCancelled)
            try context.checkCancelled(at: keyword.position)
            if let block = between.block { statistics.append(block) }
            betweenNote = between.note
        }
        next.table.statistics = statistics
        next.table.notes = Self.deltaNotes(tally, request: request, schema: schema, pairTotal: pairTotal, phaseToken: phaseToken)
            + (adjustNote.map { [$0] } ?? []) + (betweenNote.map { [$0] } ?? [])
        let result = next.materialized()
        return PlanResult(table: result, origin: next.origin)
    }

    /// PairedChange.grouped on the pairs a tally counts: through PairedTally when the arrays
    /// would take it (many whole-number pairs in every group), else on the pairs spelled out.
    private static func pairedChanges(_ cells: [DeltaTally.Cell], groupCount: Int, groupOf: (DeltaTally.Cell) -> Int, total: Int,
                                      zeroHandling: WilcoxonSignedRankTest.ZeroHandling) -> [PairedChange] {
        let values = cells.flatMap { [Double($0.values[0]), Double($0.values[1])] }
        if total >= PairedChange.tallyThreshold * max(groupCount, 1), let range = PairedTally.range(values, values) {
            var tallies = [PairedTally](repeating: PairedTally(low: range.low, width: range.width), count: groupCount)
            for cell in cells {
                let index = (Int(cell.values[0]) - range.low) * range.width + Int(cell.values[1]) - range.low
                tallies[groupOf(cell)].counts[index] += cell.count
            }
            if tallies.allSatisfy({ $0.total >= PairedChange.tallyThreshold }) {
                return tallies.map { PairedChange(tally: $0, zeroHandling: zeroHandling) }
            }
        }
        var pre = [Double](), post = [Double](), group = [Int]()
        for cell in cells {
            pre.append(contentsOf: repeatElement(Double(cell.values[0]), count: cell.count))
            post.append(contentsOf: repeatElement(Double(cell.values[1]), count: cell.count))
            group.append(contentsOf: repeatElement(groupOf(cell), count: cell.count))
        }
        return PairedChange.grouped(pre: pre, post: post, groupCount: groupCount, groupOf: { group[$0] }, zeroHandling: zeroHandling)
    }

    /// The notes Delta writes: the pairing, the unpaired values with who has them, and that the
    /// tests count units.
    private static func deltaNotes(_ tally: DeltaTally, request: DeltaTallyRequest, schema: PlanSchema,
                                   pairTotal n: Int, phaseToken: Token) -> [Localized] {
        var notes: [Localized] = []
        let (first, second) = (request.phases[0], request.phases[1])
        let key = request.key.joined(separator: ", ")
        var phaseData: ColumnData?
        if let column = schema.table.column(named: request.phase), case .categorical(var c, let ordered) = column.data {
            c.codes = Codes((1...UInt32(c.levels.count)).map { $0 }, levelCount: c.levels.count)
            phaseData = .categorical(c, ordered: ordered)
        }
        let orderSource = phaseData.flatMap { try? PhaseSplit.make($0, phase: phaseToken, values: nil).orderSource } ?? Localized("")
        notes.append(Localized(
            en: "\(first) -> \(second) (\(orderSource.en)), paired on \(key); means, medians and tests use the \(n) complete pairs only.",
            fi: "\(first) -> \(second) (\(orderSource.fi)), parit avaimella \(key); keskiarvot, mediaanit ja testit vain \(n) täydestä parista."))
        let reasonColumns = request.reasons.map { schema.table.column(named: $0) }
        func reason(_ texts: [String?], _ language: Language) -> String? {
            let index = language == .fi ? 1 : 0
            guard index < texts.count, index < reasonColumns.count, let text = texts[index], let column = reasonColumns[index] else { return nil }
            if case .categorical(let c, _) = column.data {
                return c.levels.first { $0.value == text }?.display(language) ?? text
            }
            return text.isEmpty ? nil : text
        }
        let sides: [([DeltaTally.Cell], [DeltaTally.NamedUnit], Int, Int, String, String)] = [
            (tally.firstOnly, tally.firstOnlyUnits, tally.unitsWithFirstOnly, tally.mostFirstOnlyRows, first, second),
            (tally.secondOnly, tally.secondOnlyUnits, tally.unitsWithSecondOnly, tally.mostSecondOnlyRows, second, first),
        ]
        for (cells, named, unitCount, most, has, lacks) in sides {
            let rows = cells.reduce(0) { $0 + $1.count }
            guard rows > 0 else { continue }
            let sum = cells.reduce(0.0) { $0 + Double($1.values[0]) }
            let mean = NumberFormat.decimal(sum / Double(rows))
            let many = most > 1
            func listing(_ language: Language) -> String {
                let parts = named.prefix(deltaListingLimit).map { unit -> String in
                    var extra: [String] = []
                    if many { extra.append("\(unit.rows)") }
                    // Both reasons are read only when the English one is there (PairingUnits.reasonReader).
                    if reason(unit.reasons, .en) != nil, let r = reason(unit.reasons, language) ?? reason(unit.reasons, .en) {
                        extra.append(r)
                    }
                    return extra.isEmpty ? unit.unit : "\(unit.unit) (\(extra.joined(separator: ", ")))"
                }
                let more = unitCount - deltaListingLimit
                let tail = more > 0 ? (language == .fi ? ", … \(more) muuta" : ", … \(more) more") : ""
                return parts.joined(separator: ", ") + tail
            }
            let who = "\(request.key[0]) "
            notes.append(Localized(
                en: "\(rows) \(has) value\(rows == 1 ? "" : "s") with no \(lacks) value (mean \(mean), not in the change): \(who)\(listing(.en)).",
                fi: "\(rows) \(has)-arvolla ei ole \(lacks)-arvoa (keskiarvo \(NumberFormat.comma(mean)), ei mukana muutoksessa): \(who)\(listing(.fi))."))
        }
        let unitName = request.key[0]
        let seen = tally.unitsWithPairs
        if seen < n {
            notes.append(Localized(
                en: "The \(n) pairs come from \(seen) \(unitName) values, several pairs each, so the tests use one pair per \(unitName) (in each group): the mean of its answers before and after. The table's columns describe the pairs; `pairs` tests every pair as if independent.",
                fi: "\(n) paria tulee \(seen) \(unitName)-arvolta, useita kultakin, joten testit käyttävät yhtä paria kutakin \(unitName)-arvoa kohden (kussakin ryhmässä): sen vastausten keskiarvoa ennen ja jälkeen. Taulukon sarakkeet kuvaavat pareja; `pairs` testaa jokaisen parin kuin riippumattoman."))
        }
        return notes
    }

    /// BetweenGroupChange's block on the tally's units: whether the groups' changes differ,
    /// one change per unit.
    private static func betweenGroups(_ tally: DeltaTally, keyColumns: [Column], groupOf: (DeltaTally.Cell) -> Int, groupCount: Int,
                                      unitName: String, valueName: String,
                                      isCancelled: (@Sendable () -> Bool)?) -> (block: StatisticsBlock?, note: Localized?) {
        guard groupCount >= 2 else { return (nil, nil) }
        if let unit = tally.sharedUnit {
            return (nil, Localized(
                en: "No test between the groups: the same \(unitName) is in several groups (\(unit)), so the groups are not independent samples.",
                fi: "Ryhmien välistä testiä ei ole: sama \(unitName) on useassa ryhmässä (\(unit)), joten ryhmät eivät ole riippumattomia otoksia."))
        }
        var samples = [[Double]](repeating: [], count: groupCount)
        var counts: [Int] = []
        for cell in tally.unitChanges {
            samples[groupOf(cell)].append(Double(cell.values[0]) / Double(cell.values[1]))
            counts.append(Int(cell.values[1]))
        }
        return (BetweenGroupChange.block(samples: samples, counts: counts, keyColumns: keyColumns, unitName: unitName,
                                         valueName: valueName, isCancelled: isCancelled), nil)
    }
}
