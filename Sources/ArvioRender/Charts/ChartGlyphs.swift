/// The characters charts are drawn with, in Unicode and in ASCII. Segments differ by shade or
/// fill character, so a chart reads without colour; colour is only ever added on top.
struct ChartGlyphs {
    let charset: Charset

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A solid bar `eighths` eighths of a cell long: full blocks and one partial block in
    /// Unicode; in ASCII, `#` rounded to whole cells.
    func bar(eighths: Int) -> String {
        let e = max(0, eighths)
        switch charset {
        case .unicode: return String(repeating: "█", count: e / 8) + ChartGlyphs.eighths[e % 8]
        case .ascii: return String(repeating: "#", count: (e + 4) / 8)
        }
    }

    /// The fill of stacked segment `index`: darkest first, cycling when there are many.
    func segment(_ index: Int) -> String {
        let fills = charset == .unicode ? ["█", "▓", "▒", "░"] : ["#", "=", "-", ".", ":", "+", "*", "o"]
        return fills[index % fills.count]
    }

    /// The fill of a Likert category on the low or high side, `distance` steps in from the
    /// outer end of that side (0 = the extreme category). Every category of a scale with up to
    /// three points a side has a fill of its own, so the chart and its legend read without
    /// colour: solid and dark shades on the low side, medium shade and coarser patterns on
    /// the high side. Longer scales repeat the innermost fill.
    func likert(low: Bool, distance: Int) -> String {
        let fills = switch (charset, low) {
        case (.unicode, true): ["█", "▓", "▀"]
        case (.unicode, false): ["▚", "▒", "▄"]
        case (.ascii, true): ["#", "=", ":"]
        case (.ascii, false): ["@", "+", "~"]
        }
        return fills[min(distance, fills.count - 1)]
    }

    /// The fill of the neutral category.
    var neutral: String { charset == .unicode ? "░" : "." }

    /// Shades for a heat map's five levels of row percentage, from none to most.
    var heat: [String] { charset == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", "-", "=", "#"] }

    var axisLine: String { charset == .unicode ? "─" : "-" }
    var axisTick: String { charset == .unicode ? "┬" : "+" }
    var axisCentre: String { charset == .unicode ? "┼" : "+" }
    var centreLine: String { charset == .unicode ? "│" : "|" }
    var pre: String { charset == .unicode ? "○" : "o" }
    var post: String { charset == .unicode ? "●" : "*" }
    var both: String { charset == .unicode ? "◉" : "@" }
    var join: String { charset == .unicode ? "─" : "-" }
    var arrow: String { charset == .unicode ? "→" : "->" }
    var minus: String { "-" }
}

/// ANSI colours for chart parts, used only when the caller turns colour on.
enum ChartColour {
    /// The colour of series or segment `index`.
    static func series(_ index: Int) -> String { ANSIStyle.series[index % ANSIStyle.series.count] }

    /// Likert: warm on the low side, grey in the middle, cool on the high side.
    static func likert(low: Bool, distance: Int) -> String {
        low ? (distance == 0 ? "31" : "33") : (distance == 0 ? "34" : "36")
    }

    /// None: the neutral fill (░) in the terminal's own foreground, which shows on a light
    /// background and a dark one alike; white (SGR 37) vanished on a light one.
    static let neutral: String? = nil
}
