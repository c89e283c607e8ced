import ArvioData

/// Words and values in the notes and headings of the analysis verbs (`crosstab`, `freq`,
/// `describe`); their numbers go through the one formatter, `NumberFormat`.
enum AnalysisText {
    /// "1 row" / "4 rows".
    static func rows(_ count: Int) -> Localized {
        Localized(en: "\(count) row\(count == 1 ? "" : "s")", fi: "\(count) rivi\(count == 1 ? "" : "ä")")
    }
}
