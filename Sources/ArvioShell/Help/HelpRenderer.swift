import ArvioData
import ArvioRender

/// The reference's Markdown as a terminal shows it: paragraphs and list items wrapped at the
/// output width in terminal cells, examples indented without their fences, pipe tables aligned
/// (the last column wrapped when the table is wider than the screen), backticks and `**` gone.
/// The subset handled is the one docs/language.md uses; anything else is printed as it is.
enum HelpRenderer {
    /// An example line, indented; one wider than the screen is broken after a `|` (a line that
    /// ends in `|` goes on, so the lines still run when pasted), the later lines indented more.
    /// A line with no `|` to break at stays whole, for the terminal to fold: a path or a
    /// command cut in two would not run.
    static func example(_ line: String, width: Int) -> [String] {
        let indent = "    ", more = "      "
        guard DisplayWidth.of(indent + line) > width, line.contains(" | ") else { return [indent + line] }
        let steps = pipelineSteps(line)
        var lines: [String] = []
        var current = steps[0]
        for step in steps.dropFirst() {
            let prefix = lines.isEmpty ? indent : more
            if DisplayWidth.of(prefix + current + " | " + step + " |") <= width {
                current += " | " + step
            } else {
                lines.append(prefix + current + " |")
                current = step
            }
        }
        lines.append((lines.isEmpty ? indent : more) + current)
        return lines
    }

    /// `line` split at each ` | ` outside quotes.
    private static func pipelineSteps(_ line: String) -> [String] {
        var steps: [String] = []
        var current = ""
        var quote: Character?
        for c in line {
            if c == "\"" || c == "'" { quote = quote == nil ? c : (quote == c ? nil : quote) }
            if c == "|", quote == nil, current.hasSuffix(" ") {
                steps.append(String(current.dropLast()))
                current = ""
                continue
            }
            if current.isEmpty, c == " ", !steps.isEmpty { continue }
            current.append(c)
        }
        steps.append(current)
        return steps
    }

    /// `markdown` rendered for a terminal `width` cells wide.
    static func render(_ markdown: String, width: Int, charset: Charset) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var table: [String] = []
        var inFence = false

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = inline(paragraph.map { $0.trimmingCharacters(in: " ") }.joined(separator: " "))
            if text.hasPrefix("- ") {
                let bullet = charset == .unicode ? "• " : "- "
                let lines = TextWrap.wrap(String(text.dropFirst(2)), width: width - 2, charset: charset)
                out += lines.enumerated().map { ($0.offset == 0 ? bullet : "  ") + $0.element }
            } else {
                out += TextWrap.wrap(text, width: width, charset: charset)
            }
            paragraph = []
        }
        func flushTable() {
            guard !table.isEmpty else { return }
            out += aligned(table, width: width, charset: charset)
            table = []
        }

        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                flushParagraph(); flushTable()
                inFence.toggle()
                continue
            }
            if inFence {
                out += line.isEmpty ? [""] : example(line, width: width)
            } else if line.hasPrefix("|") {
                flushParagraph()
                table.append(line)
            } else if line.trimmingCharacters(in: " ").isEmpty {
                flushParagraph(); flushTable()
                out.append("")
            } else if line.hasPrefix("#") {
                flushParagraph(); flushTable()
                let heading = inline(line.drop { $0 == "#" }.trimmingCharacters(in: " "))
                out += [heading, String(repeating: charset == .unicode ? "─" : "-", count: DisplayWidth.of(heading))]
            } else {
                flushTable()
                // A list item starts a paragraph of its own; its continuation lines are indented.
                if line.hasPrefix("- ") { flushParagraph() }
                paragraph.append(line)
            }
        }
        flushParagraph(); flushTable()
        // One blank line between blocks, none at the ends.
        var result: [String] = []
        for line in out where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// Inline Markdown as plain text: code spans and emphasis lose their marks.
    static func inline(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "**", with: "")
        s = s.replacingOccurrences(of: "`` ", with: "").replacingOccurrences(of: " ``", with: "")
        // A link [text](target) keeps its text and its target, which a terminal cannot follow.
        var result = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "[") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "]"), after[after.index(after: close)...].hasPrefix("("),
               let end = after[close...].firstIndex(of: ")") {
                let label = after[..<close]
                let target = after[after.index(close, offsetBy: 2)..<end]
                result += target.hasPrefix("#") ? label : "\(label) (\(target))"
                rest = after[after.index(after: end)...]
            } else {
                result += "["
                rest = after
            }
        }
        result += rest
        return result.filter { $0 != "`" }
    }

    /// A pipe table's rows aligned in columns two cells apart, the separator row drawn as a rule.
    /// A table wider than `width` narrows its widest columns first, down to their longest word,
    /// and each cell wraps within its column.
    private static func aligned(_ lines: [String], width: Int, charset: Charset) -> [String] {
        var rows: [[String]] = []
        var ruleAfter: Int?
        for line in lines {
            let cells = cells(of: line)
            if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) {
                ruleAfter = rows.count
                continue
            }
            rows.append(cells.map(inline))
        }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        rows = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
        // A table with its heading row is laid out as result tables are.
        if ruleAfter == 1, let laid = TableRenderer.textColumns(headings: rows[0], rows: Array(rows.dropFirst()),
                                                                width: width, charset: charset) {
            return laid
        }
        var widths = (0..<columns).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let longestWord = (0..<columns).map { c in
            rows.flatMap { $0[c].split(separator: " ").map { DisplayWidth.of(String($0)) } }.max() ?? 1
        }
        let room = max(columns, width - 2 * (columns - 1))
        // Narrow the widest column that can still give a cell, then any column, until it fits.
        while widths.reduce(0, +) > room {
            let candidates = widths.indices.filter { widths[$0] > longestWord[$0] }
            let pool = candidates.isEmpty ? widths.indices.filter { widths[$0] > 1 } : candidates
            guard let widest = pool.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        var out: [String] = []
        for (r, row) in rows.enumerated() {
            let wrapped = (0..<columns).map { c in
                let lines = TextWrap.wrap(row[c], width: widths[c], charset: charset)
                return lines.isEmpty ? [""] : lines.map { $0.trimmingCharacters(in: " ") }
            }
            for i in 0..<(wrapped.map(\.count).max() ?? 1) {
                let line = (0..<columns).map { c in
                    DisplayWidth.padRight(i < wrapped[c].count ? wrapped[c][i] : "", to: widths[c])
                }.joined(separator: "  ")
                out.append(line.trimmingTrailingSpaces)
            }
            if r + 1 == ruleAfter {
                let rule = charset == .unicode ? "─" : "-"
                out.append(widths.map { String(repeating: rule, count: $0) }.joined(separator: "  "))
            }
        }
        return out
    }

    /// The cells of one `| a | b |` line; `\|` inside a cell is a literal bar.
    private static func cells(of line: String) -> [String] {
        // U+0000 never occurs in the reference, so it can stand for an escaped bar while splitting.
        let text = line.trimmingCharacters(in: " ").replacingOccurrences(of: "\\|", with: "\u{0}")
        var cells = text.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: " ") }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
