import ArvioData

/// `chart KIND ...`: draws the table as a chart. The result is a table of the numbers behind
/// the chart, carrying the chart, so text output shows the chart and CSV or JSON the numbers.
///
///     chart bar C [percent]              chart bar V by G [percent]
///     chart stacked V [by G]             chart likert V [by G] [per H] [sorted]
///     chart hist V [binwidth W]          chart heat A by B   |   chart heat
///     chart dumbbell V by PHASE per R    chart dumbbell [A, B] per R
///
/// Options follow the arguments as words (`title "Figure 17"`), because `--` starts a comment.
public struct Chart: Verb {
    static let name = "chart"

    /// The kinds of chart, as they are written after `chart`.
    public enum Kind: String, CaseIterable, Sendable {
        case bar, stacked, likert, hist, dumbbell, heat
    }

    /// The words that may follow the arguments.
    public struct Options: Sendable {
        /// `title "..."`: the title printed above the chart.
        public var title: String?
        /// `percent`: bars as percentages of the total (of each group for grouped bars).
        public var percent = false
        /// `sorted`: Likert rows (or groups) by their high share, largest first.
        public var sorted = false
        /// `binwidth W`: the width of a histogram's bins.
        public var binWidth: Double?
        /// `width N`: the width of this chart in terminal cells, over `.width`.
        public var width: Int?
    }

    /// The widths `width N` accepts, the same range as `.width`.
    static let widths = 20...1000

    public var kind: Kind
    public var keyword: Token
    /// The charted columns (none, one or two).
    public var columns: [Token]
    /// `by G`: the column whose values make the rows (or the groups of bars).
    public var by: Token?
    /// `per R`: the column whose values make the rows of a dumbbell, or the groups of a Likert chart.
    public var per: Token?
    public var options: Options

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Chart {
        let kindToken = parser.current
        let kinds = Kind.allCases.map(\.rawValue)
        guard kindToken.kind == .identifier else {
            throw parser.expected("a kind of chart after \"chart\": " + kinds.joined(separator: ", "))
        }
        let written = kindToken.text == "histogram" ? "hist" : kindToken.text
        guard let kind = Kind(rawValue: written) else {
            throw Diagnostic(kindToken.position,
                             "there is no chart \"\(kindToken.text)\"; the kinds are " + kinds.joined(separator: ", "),
                             suggestion: Suggestion.quoted(kindToken.text, among: kinds))
        }
        parser.advance()
        var chart = Chart(kind: kind, keyword: kindToken, columns: [], by: nil, per: nil, options: Options())
        if !parser.atStepEnd, !parser.current.isWord("per"),
            !isOption(parser.current, before: parser.following) || parser.following.isWord("by")
                || parser.following.isSymbol(",") {
            chart.columns = try parser.names(expected: "a column to chart after \"chart \(kind.rawValue)\"")
        }
        if parser.match(word: "by") { chart.by = try parser.name(expected: "a column after \"by\"") }
        if parser.match(word: "per") { chart.per = try parser.name(expected: "a column after \"per\"") }
        chart.options = try parseOptions(&parser, kind: kind)
        try chart.checkShape(parser)
        return chart
    }

    /// Whether `token` starts an option rather than names a column. `width` is a likely
    /// column name, so it is an option only with its number after it.
    private static func isOption(_ token: Token, before next: Token) -> Bool {
        if token.isWord("width") { return next.kind == .number }
        return ["title", "percent", "sorted", "binwidth"].contains { token.isWord($0) }
    }

    private static func parseOptions(_ parser: inout Parser, kind: Kind) throws(Diagnostic) -> Options {
        var options = Options()
        while !parser.atStepEnd {
            let word = parser.current
            let allowed: [String: Kind?] = ["title": nil, "width": nil, "percent": .bar, "sorted": .likert, "binwidth": .hist]
            guard word.kind == .identifier, let only = allowed[word.text] else {
                throw parser.expected("an option (title \"...\", width N, percent, sorted or binwidth N) or the end of the chart step")
            }
            if let only, only != kind {
                throw Diagnostic(word.position, "\"\(word.text)\" is an option of chart \(only.rawValue), not of chart \(kind.rawValue)")
            }
            parser.advance()
            switch word.text {
            case "title":
                guard parser.current.kind == .string else { throw parser.expected("the title in quotes after \"title\"") }
                options.title = parser.current.text
                parser.advance()
            case "width":
                guard parser.current.kind == .number, let width = Int(parser.current.text), widths.contains(width) else {
                    throw parser.expected("a width in terminal cells from \(widths.lowerBound) to \(widths.upperBound) after \"width\", as in width 60")
                }
                options.width = width
                parser.advance()
            case "percent": options.percent = true
            case "sorted": options.sorted = true
            default:
                guard parser.current.kind == .number, let width = Double(parser.current.text), width > 0 else {
                    throw parser.expected("a bin width after \"binwidth\", as in binwidth 5")
                }
                options.binWidth = width
                parser.advance()
            }
        }
        return options
    }

    /// Checks that the kind got the arguments it needs, before anything runs.
    private func checkShape(_ parser: Parser) throws(Diagnostic) {
        let usage: String
        let ok: Bool
        switch kind {
        case .bar: (ok, usage) = (columns.count == 1 && per == nil, "chart bar org, or chart bar score by phase")
        case .stacked: (ok, usage) = (columns.count == 1 && per == nil, "chart stacked post_status by org")
        case .likert: (ok, usage) = (columns.count == 1, "chart likert score by phase")
        case .hist: (ok, usage) = (columns.count == 1 && by == nil && per == nil, "chart hist experience_years")
        case .heat: (ok, usage) = (per == nil && (columns.isEmpty && by == nil || columns.count == 1 && by != nil),
                                   "chart heat org by post_status, or chart heat on a cross-tab")
        case .dumbbell:
            ok = per != nil && (columns.count == 1 && by != nil || columns.count != 1 && columns.count <= 2 && by == nil)
            usage = "chart dumbbell score by phase per participant, or chart dumbbell pre, post per participant"
        }
        if !ok {
            throw Diagnostic(keyword.position, "chart \(kind.rawValue) does not take these columns; write it as \(usage)")
        }
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.requireColumns(columns + [by, per].compactMap { $0 })
        // A chart may count by an `n` column it does not name.
        return input.analysisNode(.chart(self), verb: self, reads: nil)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let builder = ChartBuilder(frame: frame, context: context, chart: self)
        var (model, table) = try builder.build()
        if let title = options.title { model.title = Localized(title) }
        model.width = options.width
        table.chart = model
        var next = Frame(table: table, origin: nil)
        next.notes = frame.notes
        return next
    }
}
