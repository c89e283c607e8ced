import ArvioData

/// One value of a table as the renderers see it: typed, so each format can spell it its own way.
enum Cell: Equatable {
    case missing
    case integer(Int64)
    case decimal(Double)
    case text(String)

    /// The value of `row` in `data`, with levels shown by their label in `language`.
    init(_ data: ColumnData, row: Int, language: Language) {
        switch data {
        case .integer(let v):
            self = Missing.isMissing(v[row]) ? .missing : .integer(v[row])
        case .decimal(let v):
            self = v[row].isNaN ? .missing : .decimal(v[row])
        case .text(let v):
            self = v[row].map(Cell.text) ?? .missing
        case .categorical(let c, _):
            self = c.level(at: row).map { .text($0.display(language)) } ?? .missing
        }
    }

    /// The cell at report precision for text and Markdown, decimals as `format` says (2 places
    /// without one); control characters become spaces so a stray newline in free text cannot
    /// break the grid.
    /// In Finnish the decimals have a comma, as a Finnish reader writes them.
    func reportText(_ charset: Charset, format: ColumnFormat? = nil, language: Language = .en) -> String {
        switch self {
        case .missing: charset.missing
        case .integer(let v): NumberFormat.integer(v)
        case .decimal(let v): NumberFormat.localized(format?.reportText(v) ?? NumberFormat.decimal(v), language)
        case .text(let s): Cell.flatten(s)
        }
    }

    /// `text` with every control character (newline, tab) replaced by a space.
    static func flatten(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" || ($0.asciiValue.map { $0 < 0x20 } ?? false) })
        else { return text }
        return String(text.map { ch in
            ch.isNewline || ch == "\t" || (ch.asciiValue.map { $0 < 0x20 } ?? false) ? " " : ch
        })
    }
}

extension ColumnData {
    /// Whether the renderers right-align this column (numbers) rather than left-align it (labels).
    var isNumericForDisplay: Bool {
        switch self {
        case .integer, .decimal: true
        case .text, .categorical: false
        }
    }
}
