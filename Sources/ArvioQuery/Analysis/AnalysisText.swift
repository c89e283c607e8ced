import ArvioData

/// Words and values in the notes and headings of the analysis verbs (`crosstab`, `freq`,
/// `describe`); their numbers go through the one formatter, `NumberFormat`.
enum AnalysisText {
    /// A decimal value as a category: whole numbers without a point, others as Swift prints them.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// "1 row" / "4 rows".
    static func rows(_ count: Int) -> Localized {
        Localized(en: "\(count) row\(count == 1 ? "" : "s")", fi: "\(count) rivi\(count == 1 ? "" : "ä")")
    }
}
