/// What a newcomer types first, from SQL, R, dplyr, pandas, Stata, sqlite or psql, and the Arvio
/// form of it. A typo finds its verb by edit distance; a habit is a different word altogether
/// (`head` is not close to `take`), so it needs a table of its own.
enum Habits {
    /// Another tool's verb and the Arvio verb that does its work.
    static let verbs: [String: String] = [
        "head": "take", "limit": "take", "top": "take", "first": "take", "slice": "take",
        "filter": "where", "subset": "where", "keep": "where", "query": "where",
        "summary": "describe", "summarize": "describe", "summarise": "describe", "stats": "describe",
        "mutate": "derive", "transform": "derive", "compute": "derive", "gen": "derive", "generate": "derive",
        "arrange": "sort", "order": "sort", "orderby": "sort", "order_by": "sort", "sort_values": "sort",
        "unique": "distinct", "uniq": "distinct",
        "merge": "join", "left_join": "join", "inner_join": "join",
        "table": "freq", "tabulate": "freq", "tab": "freq", "frequencies": "freq", "value_counts": "freq",
        "xtabs": "crosstab", "crosstabs": "crosstab", "ctable": "crosstab",
        "groupby": "group", "group_by": "group", "collapse": "group",
        "nrow": "count", "tally": "count",
        "cor": "associate", "correlate": "associate", "correlations": "associate",
        "alpha": "reliability", "plot": "chart", "hist": "chart",
    ]

    /// The step written with the Arvio verb for another tool's `words` (`head 5` → `take 5`),
    /// keeping what the user wrote after the verb, or nil when the first word is no habit.
    static func verbHint(_ words: [Token]) -> String? {
        guard let first = words.first, let verb = verbs[first.text.lowercased()] else { return nil }
        var rest = text(Array(words.dropFirst()))
        if verb == "sort", rest.hasPrefix("by ") { rest.removeFirst(3) }
        if verb == "take", rest.isEmpty { rest = "10" }
        let step = rest.isEmpty ? verb : "\(verb) \(rest)"
        return "Arvio's verb for that is \"\(verb)\": | \(step)" + (rest.isEmpty ? " (.help \(verb) shows its form)" : "")
    }

    /// Spellings of the aggregate functions that other tools use.
    static let functions: [String: String] = [
        "average": "mean", "avg": "mean", "mean": "mean", "median": "median", "sd": "sd", "std": "sd",
        "stdev": "sd", "min": "min", "max": "max", "sum": "sum", "total": "sum", "n_distinct": "n_distinct",
        "pct": "pct",
    ]

    /// `mean(grade) by org` or `average grade by org` written as a step: the `group ... aggregate`
    /// (or, with no `by`, the `aggregate`) that computes it. `words` are the step's tokens.
    static func aggregateHint(_ words: [Token]) -> String? {
        guard let first = words.first, let function = functions[first.text.lowercased()] else { return nil }
        let split = words.firstIndex { $0.isWord("by") } ?? words.endIndex
        var argument = Array(words[1..<split])
        if argument.first?.isSymbol("(") == true, argument.last?.isSymbol(")") == true {
            argument = Array(argument.dropFirst().dropLast())
        }
        let call = "\(function)(\(text(argument)))"
        let keys = text(Array(words[min(split + 1, words.count)...]))
        return keys.isEmpty ? "to compute it over all rows, write: | aggregate \(call)"
                            : "to compute it for each \(keys), write: | group \(keys) aggregate \(call)"
    }

    /// `SELECT ... FROM t [WHERE ...] [GROUP BY ...] [ORDER BY ...] [LIMIT n]` as the Arvio
    /// pipeline that gives the same table, or nil when `tokens` are not that shape.
    static func fromSQL(_ tokens: [Token]) -> String? {
        let clauses = ["select", "from", "where", "group", "order", "limit"]
        var parts: [String: [Token]] = [:]
        var clause: String?
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            let word = token.kind == .identifier ? token.text.lowercased() : ""
            if clauses.contains(word) {
                clause = word
                parts[word] = []
                if (word == "group" || word == "order"), i + 1 < tokens.count, tokens[i + 1].text.lowercased() == "by" { i += 1 }
            } else if !token.isSymbol(";"), let clause {
                parts[clause, default: []].append(token)
            }
            i += 1
        }
        guard let from = parts["from"], from.count == 1, let columns = parts["select"], !columns.isEmpty else { return nil }
        var steps = [from[0].text]
        if let condition = parts["where"], !condition.isEmpty {
            steps.append("where " + text(condition.map(arvioOperator)))
        }
        // Sorting and taking before selecting, so an ORDER BY column that is not selected works.
        var last: [String] = []
        if let order = parts["order"], !order.isEmpty {
            last.append("sort " + text(order).replacingOccurrences(of: " DESC", with: " desc").replacingOccurrences(of: " ASC", with: ""))
        }
        if let limit = parts["limit"], limit.count == 1 { last.append("take \(limit[0].text)") }
        let items = commaSeparated(columns)
        if let keys = parts["group"], !keys.isEmpty {
            let keyText = text(keys)
            let keyNames = Set(commaSeparated(keys).map(text))
            let aggregates = items.filter { !keyNames.contains(text($0)) }.map(aggregate)
            steps.append("group \(keyText) aggregate \(aggregates.joined(separator: ", "))")
            steps += last
        } else if !(columns.count == 1 && columns[0].isSymbol("*")) {
            let texts = items.map(aggregate)
            let aggregated = items.contains { $0.count > 1 && functions[$0[0].text.lowercased()] != nil || $0.first?.text.lowercased() == "count" }
            if aggregated {
                steps.append("aggregate " + texts.joined(separator: ", "))
            } else {
                steps += last + ["select " + texts.joined(separator: ", ")]
            }
        } else {
            steps += last
        }
        return steps.joined(separator: " | ")
    }

    /// SQL's `=`, `<>`, `AND`, `OR`, `NOT`, `IS NULL` in Arvio's spelling.
    private static func arvioOperator(_ token: Token) -> Token {
        var t = token
        if token.isSymbol("=") { t.text = "==" }
        if token.kind == .identifier {
            switch token.text.lowercased() {
            case "and", "or", "not", "in", "between", "is": t.text = token.text.lowercased()
            case "null": t.text = "missing"
            default: break
            }
        }
        return t
    }

    /// A select item as an Arvio aggregate: `AVG(x)` → `mean(x)`, `COUNT(*)` → `count()`.
    private static func aggregate(_ item: [Token]) -> String {
        guard item.count > 1, item[1].isSymbol("(") else { return text(item) }
        let name = item[0].text.lowercased()
        if name == "count" { return item.count == 4 && item[2].isSymbol("*") ? "count()" : "count(\(text(Array(item[2..<(item.count - 1)]))))" }
        guard let function = functions[name] else { return text(item) }
        return "\(function)(\(text(Array(item[2..<(item.count - 1)]))))"
    }

    /// The tokens split at the commas outside parentheses.
    private static func commaSeparated(_ tokens: [Token]) -> [[Token]] {
        var result: [[Token]] = [[]]
        var depth = 0
        for token in tokens {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if token.isSymbol(","), depth == 0 { result.append([]) } else { result[result.count - 1].append(token) }
        }
        return result.filter { !$0.isEmpty }
    }

    /// A hint for a line that is one word of another tool's (`exit`, `help`) or a verb with no
    /// table (`count`), when that word names no table.
    static func lineHint(_ word: String, tables: [String]) -> String? {
        switch word.lowercased() {
        case "exit", "quit", "q", "bye": return "to leave Arvio, type .quit (or Ctrl-D)"
        case "help", "h", "?": return ".help lists the commands and the verbs; .help VERB shows one"
        case "tables", "ls", "show": return ".tables lists the tables"
        default:
            guard VerbRegistry.verb(named: word) != nil || verbs[word.lowercased()] != nil else { return nil }
            let verb = VerbRegistry.verb(named: word) != nil ? word : verbs[word.lowercased()] ?? word
            return "a statement starts with a table name, then its verbs joined by \"|\", as in \(tables.first ?? "TABLE") | \(verb)"
        }
    }

    /// Tokens back as source text, spaced as a person writes them.
    static func text(_ tokens: [Token]) -> String {
        var result = ""
        for (i, token) in tokens.enumerated() {
            let piece = token.kind == .string ? "\"\(token.text)\"" : token.text
            let glued = i == 0 || token.isSymbol(")") || token.isSymbol(",") || tokens[i - 1].isSymbol("(")
                || (token.isSymbol("(") && tokens[i - 1].kind == .identifier)
            result += (glued ? "" : " ") + piece
        }
        return result
    }
}
