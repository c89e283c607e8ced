import ArvioData
import ArvioStats

/// The arguments `delta` and `attrition` share: what is paired and how.
public struct PairedSpec: Sendable {
    /// Long data: the value column and the phase column (with the two phases, if given).
    public var value: Token
    public var phase: Token?
    public var phaseValues: (Token, Token)?
    /// Wide data: the second column (`value` is the first).
    public var second: Token?
    public var per: [Token] = []
    public var on: [Token] = []
    public var zeroHandling: WilcoxonSignedRankTest.ZeroHandling = .wilcoxon
    /// `adjust holm|bh|none`: the correction of the per-group tests (Holm by default).
    var testing = MultipleTesting()
    /// `pairs`: test every pair, even when a unit has several (participant × item), instead of
    /// one mean pair per unit.
    var itemPairs = false

    /// How the value reads in titles: `score`, or `pre_motiv -> post_motiv`.
    var valueName: String { second.map { "\(value.text) → \($0.text)" } ?? value.text }

    static func parse(_ parser: inout Parser, verb: String, allowPer: Bool) throws(Diagnostic) -> PairedSpec {
        let value = try parser.name(expected: "the column to compare after \"\(verb)\", as in \(verb) score by phase")
        var spec = PairedSpec(value: value)
        if try matchArrow(&parser) {
            spec.second = try parser.name(expected: "the column after \"->\", as in \(verb) pre_score -> post_score")
        } else {
            try parser.expectWord("by", "\"by\" and the phase column, as in \(verb) \(value.text) by phase, or \"->\" and a second column")
            spec.phase = try parser.name(expected: "the phase column after \"by\"")
            if parser.current.kind == .string {
                let a = parser.current
                parser.advance()
                guard try matchArrow(&parser) else { throw parser.expected("\"->\" between the two phases, as in \"pre\" -> \"post\"") }
                guard parser.current.kind == .string else { throw parser.expected("the second phase in quotes, as in \"pre\" -> \"post\"") }
                spec.phaseValues = (a, parser.current)
                parser.advance()
            }
        }
        while !parser.atStepEnd {
            if allowPer, parser.match(word: "per") {
                spec.per = try parser.names(expected: "a column after \"per\"")
            } else if allowPer, let testing = try MultipleTesting.parse(&parser) {
                spec.testing = testing
            } else if allowPer, parser.match(word: "pairs") {
                spec.itemPairs = true
            } else if parser.match(word: "on") {
                spec.on = try parser.names(expected: "a column that identifies a pair after \"on\"")
            } else if parser.match(word: "with") {
                if parser.match(word: "pratt") {
                    spec.zeroHandling = .pratt
                } else if parser.match(word: "wilcoxon") {
                    spec.zeroHandling = .wilcoxon
                } else {
                    throw parser.expected("\"pratt\" or \"wilcoxon\" (how zero changes are ranked) after \"with\"")
                }
            } else {
                throw parser.expected(allowPer ? "\"per\", \"on\", \"with pratt\", \"adjust\", \"pairs\" or the end of the step" : "\"on\", \"with pratt\" or the end of the step")
            }
        }
        return spec
    }

    /// Checks, on the schema, the names and types `pairing` checks before it reads a row: the
    /// compared columns, that they hold numbers, and the columns of `on` and `per`.
    func bind(_ input: BindInput) throws(Diagnostic) {
        guard let schema = input.schema else { return }
        let frame = schema.frame
        let context = input.context
        let first = try context.column(value.text, in: frame.table, at: value.position)
        if let second {
            let other = try context.column(second.text, in: frame.table, at: second.position)
            _ = try PairingValues.numbers(frame.data(of: first), name: value)
            _ = try PairingValues.numbers(frame.data(of: other), name: second)
        } else if let phase {
            _ = try context.column(phase.text, in: frame.table, at: phase.position)
            _ = try PairingValues.numbers(frame.data(of: first), name: value)
        }
        try input.requireColumns(on + per)
    }

    /// `->`, scanned as `-` then `>`.
    private static func matchArrow(_ parser: inout Parser) throws(Diagnostic) -> Bool {
        guard parser.current.isSymbol("-"), parser.following.isSymbol(">") else { return false }
        parser.advance()
        parser.advance()
        return true
    }

    func pairing(frame: Frame, context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Pairing {
        if let second {
            return try Pairing.wide(frame: frame, first: value, second: second, on: on, context: context)
        }
        return try Pairing.long(frame: frame, value: value, phase: phase!, phaseValues: phaseValues,
                                on: on, context: context, keyword: keyword)
    }
}
