import ArvioData

/// `crosstab a by b [cells count, row, ...]`: the cross-tabulation of two columns, one row per
/// category of `a` (and per cell kind when several are asked for), a column per category of
/// `b` plus a total column and a total row, with the tests and measures of association under it.
public struct Crosstab: Verb {
    static let name = "crosstab"
    /// The most distinct values a number or text column may have to be cross-tabulated.
    static let valueLimit = 12
    public var rows: Token
    public var columns: Token
    public var cells: [CrosstabCell]
    /// `rows`: every row is an observation, even when the table's rows repeat a coarser unit.
    public var rowLevel = false
    /// A frequency-weight column (`weight n`): each row counts as that many cases.
    public var weight: Token?
    /// `ci`: the Wilson 95% interval of each row, column and total percentage asked for, as
    /// `freq X ci` gives them for a frequency table.
    public var intervals = false
    /// `paired`: `rows` is the answer and `columns` the phase; the same units' answers at the two
    /// phases are cross-tabulated against each other (`PairedCrosstab`).
    public var paired = false
    /// With `paired`: the columns that identify a pair (`on`), the groups (`per`), and the
    /// correction across the groups' tests (`adjust`).
    public var on: [Token] = []
    public var per: [Token] = []
    var testing = MultipleTesting()

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Crosstab {
        let rows = try parser.name(expected: "a column after \"crosstab\", as in crosstab entry_route by post_status")
        try parser.expectWord("by", "\"by\" and a second column, as in crosstab \(rows.text) by post_status")
        let columns = try parser.name(expected: "a column after \"by\"")
        var cells: [CrosstabCell] = [.count]
        if parser.match(word: "cells") {
            cells = []
            for word in try parser.names(expected: "a cell kind after \"cells\" (\(CrosstabCell.words.joined(separator: ", ")))") {
                guard let kinds = CrosstabCell.named(word.text) else {
                    throw Diagnostic(word.position,
                                     "there is no cell kind \"\(word.text)\"; cells can be \(CrosstabCell.words.joined(separator: ", "))",
                                     suggestion: Suggestion.quoted(word.text, among: CrosstabCell.words))
                }
                for kind in kinds where !cells.contains(kind) { cells.append(kind) }
            }
        }
        if parser.match(word: "paired") {
            return try parsePaired(&parser, rows: rows, columns: columns, cells: cells)
        }
        var weight: Token?
        if parser.match(word: "weight") {
            weight = try parser.name(expected: "a count column after \"weight\", as in crosstab \(rows.text) by \(columns.text) weight n")
        }
        // `rows` and `ci` in either order, as `freq` takes them.
        var rowLevel = false, intervals = false
        var ciToken: Token?
        for _ in 0..<2 {
            if parser.match(word: "rows") { rowLevel = true }
            let here = parser.current
            if parser.match(word: "ci") { intervals = true; ciToken = here }
        }
        if !parser.atStepEnd {
            throw parser.expected("\"cells\" and what to show (such as cells count, row), \"weight\" and a count column, \"rows\", \"ci\", \"paired\", or the end of the step")
        }
        if let ciToken, !cells.contains(where: { $0.bounds != nil }) {
            throw Diagnostic(ciToken.position, "\"ci\" gives intervals of percentages, and the cells asked for have none; add row, column or total, as in crosstab \(rows.text) by \(columns.text) cells count, row ci")
        }
        var result = Crosstab(rows: rows, columns: columns, cells: intervals ? CrosstabCell.withIntervals(cells) : cells,
                              rowLevel: rowLevel, weight: weight)
        result.intervals = intervals
        return result
    }

    /// The options after `paired`: `on K`, `per G`, `adjust holm|bh|none`, in any order.
    private static func parsePaired(_ parser: inout Parser, rows: Token, columns: Token,
                                    cells: [CrosstabCell]) throws(Diagnostic) -> Crosstab {
        var result = Crosstab(rows: rows, columns: columns, cells: cells)
        result.paired = true
        while !parser.atStepEnd {
            if parser.match(word: "on") {
                result.on = try parser.names(expected: "a column that identifies a pair after \"on\"")
            } else if parser.match(word: "per") {
                result.per = try parser.names(expected: "a column after \"per\"")
            } else if let testing = try MultipleTesting.parse(&parser) {
                result.testing = testing
            } else {
                throw parser.expected("\"on\", \"per\", \"adjust\" or the end of the step after \"paired\"")
            }
        }
        return result
    }

    private var pairedForm: PairedCrosstab {
        PairedCrosstab(value: rows, phase: columns, on: on, per: per, cells: cells, testing: testing)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        if rows.text == columns.text {
            throw Diagnostic(columns.position, "\"\(columns.text)\" is cross-tabulated with itself; name two different columns")
        }
        if paired {
            try pairedForm.check()
            try input.requireColumns([rows, columns] + on + per)
            // The pairs are found through the key, which the verb does not name.
            return input.analysisNode(.crosstab(self), verb: self, reads: nil)
        }
        let named = [rows, columns] + (weight.map { [$0] } ?? [])
        try input.requireColumns(named)
        if let weight, let schema = input.schema {
            _ = try FrequencyWeight.read(frame: schema.frame, token: weight, context: input.context)
        }
        return input.analysisNode(.crosstab(self), verb: self, reads: input.analysisReads(named))
    }

    func apply(to given: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        if paired { return try pairedForm.apply(to: given, in: context, keyword: keyword) }
        let (frame, unitNote, unit) = try AnalysisUnit.resolve(given, analysing: [rows.text, columns.text] + (weight.map { [$0.text] } ?? []), rowLevel: rowLevel,
                                                               hasTests: true, pairedForm: true, context: context, at: keyword.position)
        if rows.text == columns.text {
            throw Diagnostic(columns.position, "\"\(columns.text)\" is cross-tabulated with itself; name two different columns")
        }
        let a = try CrosstabAxis.make(frame: frame, token: rows, context: context, limit: Self.valueLimit, verb: "crosstab")
        let b = try CrosstabAxis.make(frame: frame, token: columns, context: context, limit: Self.valueLimit, verb: "crosstab")
        let weights = try weight.map { token throws(Diagnostic) in try FrequencyWeight.read(frame: frame, token: token, context: context) }
        let (full, leftOut) = try count(a, b, weights: weights, context: context)
        // Only categories that occur among the counted rows become rows and columns.
        let usedRows = full.indices.filter { i in full[i].contains { $0 > 0 } }
        let usedColumns = (0..<b.levels.count).filter { j in full.contains { $0[j] > 0 } }
        let counts = CrosstabCounts(usedRows.map { i in usedColumns.map { full[i][$0] } })
        var table = layout(counts, rowLevels: usedRows.map { a.levels[$0] }, columnLevels: usedColumns.map { b.levels[$0] },
                           ordered: a.ordered)
        table.name = frame.table.name
        let statistics = CrosstabStatistics.blocks(counts, ordered: a.ordered && b.ordered, isCancelled: context.isCancelled)
        try context.checkCancelled(at: keyword.position)
        table.statistics = statistics.blocks
        table.unit = AnalysisUnit.summary(of: given, analysed: frame, unit: unit)
        var next = Frame(table: table, origin: nil)
        next.notes = frame.notes + (unitNote.map { [$0] } ?? []) + statistics.notes
        if let weight {
            next.notes.append(Localized(en: "counts are cases weighted by \(weight.text) (frequency weights: each row counts \(weight.text) times)",
                                        fi: "frekvenssit ovat painotettuja tapauksia, paino \(weight.text) (frekvenssipaino: rivi lasketaan \(weight.text) kertaa)"))
        }
        if intervals {
            let asked = cells.filter { $0.bounds != nil }
            // Named as the `cell` column shows them, in the session's language.
            let bounds = asked.compactMap(\.bounds)
            let en = bounds.map { "\($0[0].label.en), \($0[1].label.en)" }.joined(separator: "; ")
            let fi = bounds.map { "\($0[0].label.fi), \($0[1].label.fi)" }.joined(separator: "; ")
            next.notes.append(Localized(
                en: "\(en): Wilson 95% score interval of each percentage, its n the row, column or grand total it is a share of (n = \(counts.total) in all), as R prop.test(correct = FALSE) and gtsummary; none where the share is 100% by definition.",
                fi: "\(fi): kunkin prosenttiosuuden Wilsonin 95 %:n luottamusväli, n sen rivin, sarakkeen tai kaikkien summa, josta se on osuus (kaikkiaan n = \(counts.total)), kuten R:n prop.test(correct = FALSE) ja gtsummary; ei väliä, missä osuus on määritelmän mukaan 100 %."))
        }
        if leftOut > 0 {
            let rowsText = AnalysisText.rows(leftOut)
            next.notes.append(Localized(en: "left out \(rowsText.en) with a missing \(a.name) or \(b.name)",
                                        fi: "jätettiin pois \(rowsText.fi), joilta puuttuu \(a.name) tai \(b.name)"))
        }
        return next
    }

    /// Counts every pair of categories with one dense counter per pair; rows with a missing
    /// value on either side are counted apart.
    private func count(_ a: CrosstabAxis, _ b: CrosstabAxis, weights: [Int]?,
                       context: EvaluationContext) throws(Diagnostic) -> (counts: [[Int]], leftOut: Int) {
        let width = b.levels.count + 1
        var flat = [Int](repeating: 0, count: (a.levels.count + 1) * width)
        var start = 0
        while start < a.ids.count {
            try context.checkCancelled(at: rows.position)
            let end = min(a.ids.count, start + EvaluationContext.chunk)
            a.ids.withUnsafeBufferPointer { x in
                b.ids.withUnsafeBufferPointer { y in
                    if let weights {
                        for row in start..<end { flat[Int(x[row]) * width + Int(y[row])] += weights[row] }
                    } else {
                        for row in start..<end { flat[Int(x[row]) * width + Int(y[row])] += 1 }
                    }
                }
            }
            start = end
        }
        let counts = (0..<a.levels.count).map { i in Array(flat[(i * width)..<(i * width + b.levels.count)]) }
        let counted = counts.reduce(0) { $0 + $1.reduce(0, +) }
        return (counts, (weights?.reduce(0, +) ?? a.ids.count) - counted)
    }

    /// The result table: the row variable, the cell kind when there are several, a column per
    /// column category and the total; a total row last.
    private func layout(_ counts: CrosstabCounts, rowLevels: [Level], columnLevels: [Level],
                        ordered: Bool) -> Table {
        let rowMargins: [Int?] = Array(rowLevels.indices) + [nil]
        let showKind = cells.count > 1
        var rowCodes: [UInt32] = [], kindCodes: [UInt32] = []
        for position in rowMargins.indices {
            for kind in cells {
                rowCodes.append(UInt32(position + 1))
                kindCodes.append(kind.code)
            }
        }
        let total = Localized(en: "Total", fi: "Yhteensä")
        let levels = rowLevels + [Level(value: "total", label: total)]
        var columns = [Column(name: rows.text, data: .categorical(
            CategoricalData(codes: Codes(rowCodes, levelCount: levels.count), levels: levels), ordered: ordered))]
        if showKind {
            columns.append(CrosstabCell.kindColumn(kindCodes))
        }
        let cellFormat = CrosstabCell.format(of: cells, showKind: showKind)
        var taken = Set(columns.map(\.name))
        let headings = CrosstabCell.valueHeadings(columnLevels)
        let columnMargins: [Int?] = Array(columnLevels.indices) + [nil]
        for j in columnMargins {
            var name = j.map { columnLevels[$0].value } ?? "total"
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            let label = j.map { columnLevels[$0].label } ?? total
            var values: [Double] = []
            for i in rowMargins {
                for kind in cells { values.append(kind.value(counts, i, j) ?? Missing.decimal) }
            }
            let data: ColumnData = cells == [.count] ? .integer(values.map { Int64($0) }) : .decimal(values)
            var column = Column(name: name, data: data, label: label, format: cellFormat)
            // The margin is named `total` in both languages, so a pipeline after it reads the same.
            if j == nil { column.heading = Localized(en: name, fi: name == "total" ? "yhteensä" : name) }
            else if name == columnLevels[j!].value, let heading = headings[j!] { column.heading = heading }
            columns.append(column)
        }
        return Table(name: "crosstab", columns: columns, rowCount: rowCodes.count,
                     key: showKind ? [rows.text, "cell"] : [rows.text])
    }
}
