/// One line of output built from pieces, some of them coloured. Widths are measured on the
/// plain text; ANSI codes are added only at the end and only when colour is on, and trailing
/// spaces are always trimmed first, so no line ends in a space with or without colour.
struct StyledLine {
    /// A run of text and the ANSI SGR parameters that colour it (nil: plain).
    struct Span {
        var text: String
        var style: String?
    }

    private(set) var spans: [Span] = []

    init() {}

    init(_ text: String, style: String? = nil) {
        append(text, style: style)
    }

    mutating func append(_ text: String, style: String? = nil) {
        guard !text.isEmpty else { return }
        spans.append(Span(text: text, style: style))
    }

    /// The line with `transform` applied to the text of each run, its styles kept.
    func mappingText(_ transform: (String) -> String) -> StyledLine {
        var copy = self
        copy.spans = spans.map { Span(text: transform($0.text), style: $0.style) }
        return copy
    }

    /// The width of the plain text in terminal cells.
    var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The line as text, with trailing spaces removed and colour codes when `colour` is set.
    func render(colour: Bool) -> String {
        var parts = spans
        while let last = parts.last {
            var text = last.text
            while text.last == " " { text.removeLast() }
            if text.isEmpty { parts.removeLast(); continue }
            parts[parts.count - 1].text = text
            break
        }
        return parts.map { span in
            guard colour, let style = span.style else { return span.text }
            return "\u{1B}[\(style)m" + span.text + "\u{1B}[0m"
        }.joined()
    }
}

/// ANSI SGR parameters used for headings and chart segments.
enum ANSIStyle {
    static let bold = "1"
    /// Colours for series and segments in order, chosen to stay apart on dark and light themes.
    static let series = ["34", "33", "32", "35", "36", "31"]
}

extension String {
    /// The text without trailing spaces.
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
