import ArvioData
import ArvioStats

/// `associate OUTCOME [seed N]`: every other column ranked by the strength of its association
/// with the outcome, the measure chosen by the two kinds (Cramér's V for two categories,
/// Kendall's tau-b for two scales, rank-biserial r for a number or scale against two groups,
/// eta against more groups, Spearman's rho for numbers), with n and an exact or seeded
/// permutation p. Identifiers (every value different) and constant columns are skipped and named.
public struct Associate: Verb {
    static let name = "associate"
    public var outcome: Token
    public var seed: UInt64 = SeededGenerator.defaultSeed
    /// `rows`: every row is an observation, even when the table's rows repeat a coarser unit.
    public var rowLevel = false
    /// `adjust holm|bh|none`: the correction of the ranked p-values (Holm by default).
    var testing = MultipleTesting()
    /// `weight n`: frequency weights, each row counting as n cases; n itself is not associated.
    public var weight: Token?

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Associate {
        var result = Associate(outcome: try parser.name(expected: "the outcome column after \"associate\", as in associate motivation_start"))
        if parser.match(word: "seed") {
            guard parser.current.kind == .number, let seed = UInt64(parser.current.text) else {
                throw parser.expected("a whole number after \"seed\"")
            }
            result.seed = seed
            parser.advance()
        }
        // `weight n`, `rows` and `adjust` in any order.
        for _ in 0..<3 {
            if parser.match(word: "weight") {
                result.weight = try parser.name(expected: "a count column after \"weight\", as in associate \(result.outcome.text) weight n")
            }
            if parser.match(word: "rows") { result.rowLevel = true }
            if let testing = try MultipleTesting.parse(&parser) { result.testing = testing }
        }
        return result
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.requireColumns([outcome] + (weight.map { [$0] } ?? []))
        if let weight, let schema = input.schema {
            _ = try FrequencyWeight.read(frame: schema.frame, token: weight, context: input.context)
        }
        // The outcome is related to every other column.
        return input.analysisNode(.associate(self), verb: self, reads: nil)
    }

    func apply(to given: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let outcomeColumn = try context.column(outcome.text, in: given.table, at: outcome.position)
        // An outcome constant within the unit (motivation_start within participant) is a
        // property of the unit: it is measured on one row per unit, against the columns that
        // are properties of the unit too; columns that vary within it are repeated measures.
        var frame = given
        var unitNote: Localized?
        var unit: AnalysisUnit?
        let position = keyword.position
        // Found once: the summary under the result names it whether or not it reduced the rows.
        let givenUnit = try AnalysisUnit.find(given, context: context, at: position)
        if !rowLevel, let found = givenUnit, found.count < given.rowCount {
            if try found.isConstant(outcomeColumn, in: given, context: context, at: position) {
                unit = found
                frame = found.reduced(given)
                unitNote = Localized(
                    en: "Unit: one row per \(found.column), \(found.count) \(found.plural.en) (the table has \(given.rowCount) rows), since \(outcome.text) does not vary within \(found.column); columns that vary within it are skipped. `rows` analyses every row.",
                    fi: "Yksikkö: yksi rivi kutakin \(found.column)-arvoa kohden, \(found.count) \(found.plural.fi) (taulussa on \(given.rowCount) riviä), koska \(outcome.text) ei vaihtele \(found.column)-arvon sisällä; sen sisällä vaihtelevat sarakkeet ohitetaan. `rows` analysoi jokaisen rivin.")
            } else {
                unitNote = try found.resolve(given, analysing: [outcome.text], rowLevel: false, hasTests: true, pairedForm: false,
                                             context: context, at: position).1
            }
        }
        var weightNote: Localized?
        if let weight { (frame, weightNote) = try FrequencyWeight.expand(frame, token: weight, context: context) }
        let target: AssociationVariable
        let outcomeData = try frame.data(of: outcomeColumn, context: context, at: position)
        let made = try cancellable(keyword, context) {
            try AssociationVariable.make(name: outcomeColumn.name, data: outcomeData, isCancelled: context.isCancelled)
        }
        switch made {
        case .success(let v): target = v
        case .failure(let reason):
            throw Diagnostic(outcome.position, reason == .constant
                ? "\"\(outcome.text)\" has only one value here, so nothing can be associated with it"
                : "\"\(outcome.text)\" has a different value in every row (an identifier); choose an outcome that repeats")
        }
        var found: [(AssociationMeasure, String, AssociationVariable.Kind)] = []
        var skipped: [Localized] = []
        let weightName = try weight.map { token throws(Diagnostic) in try context.column(token.text, in: frame.table, at: token.position).name }
        for column in frame.table.columns where column.name != outcomeColumn.name && column.name != weightName {
            try context.checkCancelled(at: keyword.position)
            if let unit, try !unit.isConstant(column, in: given, context: context, at: position) {
                skipped.append(Localized(en: "\(column.name) (varies within \(unit.column))", fi: "\(column.name) (vaihtelee \(unit.column)-arvon sisällä)"))
                continue
            }
            let data = try frame.data(of: column, context: context, at: position)
            // Free text is only skipped, so it is read no further than it takes to say why.
            let variable = try cancellable(keyword, context) { () throws -> Result<AssociationVariable, AssociationVariable.SkipReason> in
                if case .text(let t) = data { return .failure(try AssociationVariable.textSkip(t, isCancelled: context.isCancelled)) }
                return try AssociationVariable.make(name: column.name, data: data, isCancelled: context.isCancelled)
            }
            switch variable {
            case .failure(.identifier): skipped.append(Localized(en: "\(column.name) (identifier: every value differs)", fi: "\(column.name) (tunniste: kaikki arvot eri)"))
            case .failure(.constant): skipped.append(Localized(en: "\(column.name) (constant)", fi: "\(column.name) (vakio)"))
            case .failure(.freeText):
                skipped.append(Localized(en: "\(column.name) (free text)", fi: "\(column.name) (vapaa teksti)"))
            case .success(let x):
                if let m = try cancellable(keyword, context, { try AssociationMeasure.measure(target, x, seed: seed, isCancelled: context.isCancelled) }) {
                    found.append((m, column.name, x.kind))
                } else {
                    skipped.append(Localized(en: "\(column.name) (too few complete pairs)", fi: "\(column.name) (liian vähän täysiä pareja)"))
                }
            }
            // The column's values (80 MB at 10M rows) are freed off this thread, as the pairs are.
            LaterRelease.release(consume variable)
        }
        try context.checkCancelled(at: keyword.position)
        found.sort { abs($0.0.value) != abs($1.0.value) ? abs($0.0.value) > abs($1.0.value) : $0.1 < $1.1 }
        var columns = [
            Column(name: "column", data: .text(found.map(\.1))),
            Headings.textColumn("type", found.map { Self.kindName($0.2) }),
            Column(name: "value", data: .decimal(found.map(\.0.value)), format: .statistic),
            Column(name: "n", data: .integer(found.map { Int64($0.0.count) })),
            Column(name: "p", data: .decimal(found.map(\.0.p)), format: .pValue),
        ]
        let adjusted = testing.adjust(found.map(\.0.p))
        if let adjusted { columns.append(Column(name: "p_adj", data: .decimal(adjusted), format: .pValue)) }
        columns += [
            Headings.textColumn("measure", found.map(\.0.measure)),
            Headings.textColumn("p_method", found.map(\.0.method)),
        ]
        columns = columns.map { $0.heading == nil ? Headings.headed($0) : $0 }
        var next = frame.replacingColumns(columns, rowCount: found.count, keepOrigin: false)
        next.table.key = ["column"]
        var notes = frame.table.notes + (unitNote.map { [$0] } ?? []) + (weightNote.map { [$0] } ?? [])
        notes.append(Localized(
            en: "Association with \(outcome.text) (\(target.kind.rawValue)), strongest first by |value|; the measures differ by type, so compare ranks loosely. Complete pairs only. Permutation p: \(PermutationTest.defaultPermutations) shuffles (doubling up to \(PermutationTest.maximumPermutations) near 0.05 and 0.01), seed \(seed), up to \(AssociationMeasure.permutationLimit) pairs.",
            fi: "Yhteys muuttujaan \(outcome.text) (\(Self.kindName(target.kind).fi)), vahvin ensin |arvon| mukaan; mitat eroavat tyypeittäin, joten vertaa järjestystä väljästi. Vain täydet parit. Permutaatio-p: \(PermutationTest.defaultPermutations) sekoitusta (0,05:n ja 0,01:n lähellä kaksinkertaistaen enintään \(PermutationTest.maximumPermutations)), siemen \(seed), enintään \(AssociationMeasure.permutationLimit) paria."))
        if adjusted != nil, let method = testing.method {
            let family = Localized(en: "one per column associated with \(outcome.text)", fi: "yksi kutakin muuttujaan \(outcome.text) liitettyä saraketta kohden")
            let note = testing.note(method, size: PValueAdjustment.familySize(found.map(\.0.p)), family: family, eachTest: false)
            notes.append(Localized(en: note.en.replacing("p adj:", with: "p_adj:"), fi: note.fi))
        }
        if !skipped.isEmpty {
            notes.append(Localized(en: "Skipped: \(skipped.map(\.en).joined(separator: ", ")).", fi: "Ohitettu: \(skipped.map(\.fi).joined(separator: ", "))."))
        }
        next.table.notes = notes
        next.table.unit = AnalysisUnit.summary(of: given, analysed: frame, unit: givenUnit)
        return next
    }

    /// `body`'s answer; its cancellation (the only error it throws) as the statement's.
    private func cancellable<T>(_ keyword: Token, _ context: EvaluationContext, _ body: () throws -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            try context.checkCancelled(at: keyword.position)
            // Only a cancellation is thrown, and its flag stays set; this is for the type checker.
            throw Diagnostic(keyword.position, "stopped: the statement was cancelled", isCancellation: true)
        }
    }

    /// A variable's kind as the `type` column and the notes name it.
    static func kindName(_ kind: AssociationVariable.Kind) -> Localized {
        switch kind {
        case .binary: Localized(en: "binary", fi: "dikotominen")
        case .nominal: Localized(en: "nominal", fi: "laatuero")
        case .ordinal: Localized(en: "ordinal", fi: "järjestys")
        case .numeric: Localized(en: "numeric", fi: "numeerinen")
        }
    }
}
