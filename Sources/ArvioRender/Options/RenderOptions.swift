import ArvioData

/// The characters output may use: full Unicode (box drawing, eighth blocks, shades) or plain
/// ASCII for terminals and locales that cannot show them.
public enum Charset: String, Sendable, CaseIterable {
    case unicode
    case ascii

    /// The mark for a missing value in text output: a middle dot, or R's `NA` in ASCII.
    public var missing: String { self == .unicode ? "·" : "NA" }

    /// The mark that ends cut text. ASCII uses `...`, or `~` when the room is under 4 cells
    /// so a narrow column keeps some of its text.
    public func ellipsis(forWidth cells: Int) -> String {
        switch self {
        case .unicode: "…"
        case .ascii: cells >= 4 ? "..." : "~"
        }
    }

    /// The horizontal rule character.
    var rule: String { self == .unicode ? "─" : "-" }
}

/// The four ways a table can be written out.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case csv
    case json
}

/// How to render: the caller (the shell) decides these from `.lang`, `.width`, `.charset`,
/// the terminal and `NO_COLOR`; the renderer never looks at the environment itself.
public struct RenderOptions: Sendable {
    /// The language of level labels, headings and built-in words.
    public var language: Language
    /// The width of the output in terminal cells.
    public var width: Int
    /// Unicode or ASCII drawing characters.
    public var charset: Charset
    /// Whether to emit ANSI colour (headings, chart segments).
    public var colour: Bool
    /// The most rows a text table shows before eliding the middle; nil shows all.
    public var maxRows: Int?

    /// Creates options; the defaults suit output that is not a terminal.
    public init(language: Language = .en, width: Int = 80, charset: Charset = .unicode,
                colour: Bool = false, maxRows: Int? = 40) {
        self.language = language
        self.width = width
        self.charset = charset
        self.colour = colour
        self.maxRows = maxRows
    }
}
