import ArvioData

/// The items of a scale as `reliability` and `scale` read them: wide columns (`A1, A2, A3`) or
/// long data (`score by item`, one row per unit and item, the unit being the table's key without
/// the item column, or `on K`), with `reverse` items turned on their declared scale points.
public struct ScaleItemsSpec: Sendable {
    /// Wide: the item columns. Long: the value column alone.
    public var columns: [Token]
    /// Long: the column that names the item of each row.
    public var itemColumn: Token?
    /// Items to reverse: column names (wide) or item values (long).
    public var reverse: [Token] = []
    /// `scale 1 to 6`: the scale points of number columns, which declare none.
    public var points: (low: Double, high: Double)?
    public var per: [Token] = []
    public var on: [Token] = []

    /// Parses `A1, A2 [reverse A1] [scale 1 to 6]` or `score by item [on K] [reverse AO1]`;
    /// `extra` parses the verb's own options and returns false when it does not know the word.
    static func parse(_ parser: inout Parser, verb: String, extraWords: String = "",
                      extra: (inout Parser) throws(Diagnostic) -> Bool = { _ in false }) throws(Diagnostic) -> ScaleItemsSpec {
        let columns = try parser.names(expected: "the item columns after \"\(verb)\", as in \(verb) A1, A2, A3, or the value column of long data, as in \(verb) score by item")
        var spec = ScaleItemsSpec(columns: columns)
        if columns.count == 1, parser.match(word: "by") {
            spec.itemColumn = try parser.name(expected: "the column that names the item after \"by\", as in \(verb) score by item")
        } else if columns.count == 1 {
            throw parser.expected("more item columns (\(verb) A1, A2, A3) or \"by\" and the item column of long data (\(verb) score by item)")
        }
        while !parser.atStepEnd {
            if parser.match(word: "reverse") {
                spec.reverse = try itemNames(&parser, expected: "an item to reverse after \"reverse\", as in reverse A1")
            } else if parser.match(word: "per") {
                spec.per = try parser.names(expected: "a column after \"per\"")
            } else if parser.match(word: "on"), spec.itemColumn != nil {
                spec.on = try parser.names(expected: "the columns that identify a respondent after \"on\"")
            } else if parser.match(word: "scale") {
                let low = try number(&parser, "the lowest scale point after \"scale\", as in scale 1 to 6")
                try parser.expectWord("to", "\"to\" between the scale points, as in scale 1 to 6")
                let high = try number(&parser, "the highest scale point after \"to\", as in scale 1 to 6")
                guard low < high else { throw Diagnostic(parser.current.position, "the lowest scale point must be below the highest, as in scale 1 to 6") }
                spec.points = (low, high)
            } else if try extra(&parser) {
                continue
            } else {
                throw parser.expected("\",\", \(extraWords)\"reverse\", \"per\", \(spec.itemColumn != nil ? "\"on\", " : "")\"scale\" or the end of the step")
            }
        }
        return spec
    }

    /// Checks, on the schema, what `ScaleItemsReader` and the grouping check before they read a
    /// row: the item columns are listed once, are there and hold numbers or a scale; the item,
    /// `on` and `per` columns are there; a reversed wide item is one of the items. Whether a
    /// reversed long item occurs is a question of the data, left to the run.
    func bind(_ input: BindInput, verb: String) throws(Diagnostic) {
        guard let schema = input.schema else { return }
        var checked = self
        if itemColumn != nil { checked.reverse = [] }
        _ = try ScaleItemsReader(spec: checked, frame: schema.frame, context: input.context, verb: verb)
        try input.requireColumns(per)
    }

    /// Names or quoted item values separated by commas (long data's item codes need not be names).
    private static func itemNames(_ parser: inout Parser, expected what: String) throws(Diagnostic) -> [Token] {
        var result: [Token] = []
        repeat {
            if parser.current.kind == .string {
                result.append(parser.current)
                parser.advance()
            } else {
                result.append(try parser.name(expected: what))
            }
        } while parser.match(symbol: ",")
        return result
    }

    private static func number(_ parser: inout Parser, _ what: String) throws(Diagnostic) -> Double {
        var sign = 1.0
        if parser.match(symbol: "-") { sign = -1 }
        guard parser.current.kind == .number, let value = Double(parser.current.text) else { throw parser.expected(what) }
        parser.advance()
        return sign * value
    }
}

/// A scale's answers: one array per item, one value per unit (a row of wide data, a respondent
/// of long data), reversed items already turned (low + high − value), NaN where not answered.
struct ScaleItems {
    /// The items' names, in scale order.
    var names: [String]
    /// Whether each item was reversed.
    var reversed: [Bool]
    /// `values[item][unit]`.
    var values: [[Double]]
    /// A frame row of each unit (the unit's first row in long data).
    var unitRows: [Int]
    /// The scale points used for each reversed item, for the note.
    var reversal: [String: (low: Double, high: Double)] = [:]
}

/// Reads the items of `spec` from a frame, group by group.
struct ScaleItemsReader {
    let spec: ScaleItemsSpec
    let frame: Frame
    let context: EvaluationContext
    let verb: String
    /// Wide: each item column's values. Long: the value column's values.
    private var numbers: [[Double]] = []
    /// The declared scale points of each column in `numbers` (ordinal columns), else nil.
    private var declared: [(low: Double, high: Double)?] = []
    /// Long: the item of each frame row (ids in item order) and each id's name.
    private var itemOf: [Int32] = []
    private var itemNames: [String] = []
    /// Long: the unit of each frame row.
    private var unitOf: [Int32] = []
    /// Long: the unit key's names, for messages.
    private(set) var unitKey: [String] = []

    init(spec: ScaleItemsSpec, frame: Frame, context: EvaluationContext, verb: String) throws(Diagnostic) {
        self.spec = spec
        self.frame = frame
        self.context = context
        self.verb = verb
        for (index, token) in spec.columns.enumerated() where spec.columns[..<index].contains(where: { $0.text == token.text }) {
            throw Diagnostic(token.position, "\"\(token.text)\" is listed twice")
        }
        for token in spec.columns {
            let (values, points) = try Self.numbers(frame: frame, token: token, context: context, verb: verb)
            numbers.append(values)
            declared.append(points)
        }
        guard let itemToken = spec.itemColumn else {
            for token in spec.reverse where !spec.columns.contains(where: { $0.text == token.text }) {
                throw Diagnostic(token.position, "\"\(token.text)\" is not one of the items \(spec.columns.map(\.text).joined(separator: ", ")), so it cannot be reversed",
                                 suggestion: Suggestion.quoted(token.text, among: spec.columns.map(\.text)))
            }
            return
        }
        let itemColumn = try context.column(itemToken.text, in: frame.table, at: itemToken.position)
        let itemData = frame.data(of: itemColumn)
        let poll = CancelPoll(context)
        let ids = OrderedKeys.ids(for: itemData, poll: poll)
        try poll.check(at: itemToken.position)
        itemOf = ids.ids
        itemNames = [String](repeating: "NA", count: ids.count)
        var named = [Bool](repeating: false, count: ids.count)
        for row in 0..<frame.rowCount where !named[Int(ids.ids[row])] {
            if row % EvaluationContext.chunk == 0 { try context.checkCancelled(at: itemToken.position) }
            named[Int(ids.ids[row])] = true
            itemNames[Int(ids.ids[row])] = PairingValues.text(itemData, row)
        }
        try context.checkCancelled(at: itemToken.position)
        unitKey = try Self.unitKey(frame: frame, item: itemToken, on: spec.on, context: context, verb: verb)
        let keyData = unitKey.map { frame.data(of: frame.table.column(named: $0)!) }
        unitOf = OrderedKeys.ids(for: keyData, rowCount: frame.rowCount, poll: poll).ids
        try poll.check(at: itemToken.position)
        for token in spec.reverse where !itemNames.contains(token.text) {
            throw Diagnostic(token.position, "there is no item \"\(token.text)\" in \(itemToken.text), so it cannot be reversed",
                             suggestion: Suggestion.quoted(token.text, among: itemNames))
        }
    }

    /// The items over the frame rows `rows` (a group, or all rows).
    func items(rows: [Int]) throws(Diagnostic) -> ScaleItems {
        var result: ScaleItems
        if spec.itemColumn == nil {
            result = ScaleItems(names: spec.columns.map(\.text), reversed: [], values: numbers.map { v in rows.map { v[$0] } }, unitRows: rows)
        } else {
            result = try pivot(rows)
        }
        result.reversed = result.names.map { name in spec.reverse.contains { $0.text == name } }
        for item in result.names.indices where result.reversed[item] {
            let points = try scalePoints(of: result.names[item])
            result.reversal[result.names[item]] = points
            result.values[item] = result.values[item].map { points.low + points.high - $0 }
        }
        return result
    }

    /// The declared points of a reversed item: its ordinal scale's numbers, or `scale a to b`.
    private func scalePoints(of item: String) throws(Diagnostic) -> (low: Double, high: Double) {
        let index = spec.itemColumn == nil ? spec.columns.firstIndex { $0.text == item } ?? 0 : 0
        if let points = declared[index] { return points }
        if let points = spec.points { return points }
        let token = spec.reverse.first { $0.text == item } ?? spec.columns[index]
        let column = spec.columns[index].text
        throw Diagnostic(token.position, "\(item) cannot be reversed: \"\(column)\" holds numbers with no declared scale points, and reversing on the answers seen would depend on the sample; give its points, as in reverse \(item) scale 1 to 6, or declare \(column) an ordinal scale in the codebook")
    }

    /// Long data to one row per unit and one column per item present in `rows`.
    private func pivot(_ rows: [Int]) throws(Diagnostic) -> ScaleItems {
        var itemSlot: [Int32: Int] = [:]
        var unitSlot: [Int32: Int] = [:]
        var unitRows: [Int] = []
        let at = spec.itemColumn?.position ?? SourcePosition(file: "<stdin>", line: 1, column: 1)
        for (i, row) in rows.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: at) }
            if itemSlot[itemOf[row]] == nil { itemSlot[itemOf[row]] = 0 }
            if unitSlot[unitOf[row]] == nil { unitSlot[unitOf[row]] = unitRows.count; unitRows.append(row) }
        }
        let items = itemSlot.keys.sorted()
        for (position, id) in items.enumerated() { itemSlot[id] = position }
        var values = [[Double]](repeating: [Double](repeating: .nan, count: unitRows.count), count: items.count)
        var filled = [[Bool]](repeating: [Bool](repeating: false, count: unitRows.count), count: items.count)
        for (i, row) in rows.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: at) }
            let item = itemSlot[itemOf[row]]!, unit = unitSlot[unitOf[row]]!
            if filled[item][unit] {
                let key = unitKey.map { "\($0) \(PairingValues.text(frame.data(of: frame.table.column(named: $0)!), row))" }.joined(separator: ", ")
                throw Diagnostic(spec.itemColumn!.position, "two rows have \(key) and \(spec.itemColumn!.text) \(itemNames[Int(itemOf[row])]), so \(verb) cannot tell which answer is the respondent's; narrow the rows with where, or name the columns that identify a respondent with on <column>, ...")
            }
            filled[item][unit] = true
            values[item][unit] = numbers[0][row]
        }
        return ScaleItems(names: items.map { itemNames[Int($0)] }, reversed: [], values: values, unitRows: unitRows)
    }

    /// The unit key of long data: `on K`, or the table's key without the item column.
    private static func unitKey(frame: Frame, item: Token, on: [Token], context: EvaluationContext, verb: String) throws(Diagnostic) -> [String] {
        if !on.isEmpty {
            return try context.onColumns(on, in: frame, excluding: item,
                                         "the item column \"\(item.text)\" cannot also identify a respondent; name the columns that do, as in on participant, phase")
        }
        let key = frame.table.key
        guard key.contains(item.text), key.count > 1 else {
            let name = frame.origin ?? frame.table.name
            throw Diagnostic(item.position, key.isEmpty
                ? "\(name) has no declared key, so \(verb) cannot tell whose answers belong together; name the columns that identify a respondent, as in \(verb) ... by \(item.text) on participant, phase"
                : "the key of \(name) (\(key.joined(separator: ", "))) does not name a respondent besides \"\(item.text)\"; say which columns do with on <column>, ...")
        }
        return key.filter { $0 != item.text }
    }

    /// A column's values as numbers (ordinal columns by their scale points) and its declared points.
    static func numbers(frame: Frame, token: Token, context: EvaluationContext, verb: String) throws(Diagnostic) -> ([Double], (low: Double, high: Double)?) {
        let column = try context.column(token.text, in: frame.table, at: token.position)
        switch frame.data(of: column) {
        case .integer(let v):
            return (v.decimals(CancelPoll(isCancelled: nil)), nil)
        case .decimal(let v):
            return (v, nil)
        case .categorical(let c, ordered: true):
            let numbers = c.levels.enumerated().map { $1.number ?? Double($0 + 1) }
            let values = c.codes.widened.map { $0 == 0 ? Missing.decimal : numbers[Int($0) - 1] }
            return (values, numbers.isEmpty ? nil : (numbers.min()!, numbers.max()!))
        case let data:
            throw Diagnostic(token.position, "\(verb) needs items that are numbers or an ordinal scale, but \"\(column.name)\" is \(data.type.rawValue); give it a scale in the codebook, or leave it out")
        }
    }
}

/// A per-unit scale score: the mean or the sum of the answered items, missing below a minimum
/// number of answered items (SPSS `MEAN.n` / `SUM.n`).
public struct ScaleScore: Sendable {
    public enum Kind: String, Sendable { case mean, sum }
    public var kind: Kind
    /// The fewest answered items a score needs; nil means every item.
    public var minimum: Int?

    /// The score of each unit and how many items each answered.
    func scores(_ values: [[Double]]) -> (scores: [Double], answered: [Int]) {
        let units = values.first?.count ?? 0
        let needed = minimum ?? values.count
        var scores = [Double](repeating: .nan, count: units)
        var answered = [Int](repeating: 0, count: units)
        for unit in 0..<units {
            var sum = 0.0
            for item in values.indices where values[item][unit].isFinite {
                sum += values[item][unit]
                answered[unit] += 1
            }
            if answered[unit] >= needed, answered[unit] > 0 {
                scores[unit] = kind == .mean ? sum / Double(answered[unit]) : sum
            }
        }
        return (scores, answered)
    }

    /// What the score is and how many units it left missing.
    func note(name: String, items: [String], reversed: [String], scores: [Double], unit: String, prefix: Localized = Localized("")) -> Localized {
        let k = items.count
        let needed = minimum ?? k
        let missing = scores.filter(\.isNaN).count
        let rule = k == 1 ? "the item is answered" : needed >= k ? "all \(k) items are answered" : "at least \(needed) of \(k) items are answered"
        let ruleFi = k == 1 ? "osioon on vastattu" : needed >= k ? "kaikkiin \(k) osioon on vastattu" : "vähintään \(needed)/\(k) osioon on vastattu"
        let what = kind == .mean ? ("mean", "keskiarvo") : ("sum", "summa")
        let turned = reversed.isEmpty ? ("", "") : ("; reversed: \(reversed.joined(separator: ", "))", "; käännetty: \(reversed.joined(separator: ", "))")
        return Localized(
            en: "\(prefix.en)\(name) is the \(what.0) of \(items.joined(separator: ", ")) where \(rule)\(turned.0); \(missing) of \(scores.count) (\(unit)) left missing.",
            fi: "\(prefix.fi)\(name) on osioiden \(items.joined(separator: ", ")) \(what.1), kun \(ruleFi)\(turned.1); \(missing)/\(scores.count) (\(unit)) jäi puuttuvaksi.")
    }
}
