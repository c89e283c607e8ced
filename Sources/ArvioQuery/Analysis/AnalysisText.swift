import ArvioData

/// Words and values in the notes and headings of the analysis verbs (`crosstab`, `freq`,
/// `describe`); their numbers go through the one formatter, `NumberFormat`.
enum AnalysisText {
    /// "1 row" / "4 rows".
    static func rows(_ count: Int) -> Localized {
        Localized(en: "\(count) row\(count == 1 ? "" : "s")", fi: "\(count) rivi\(count == 1 ? "" : "ä")")
    }
}

extension AnalysisText {
    /// "1 pair" / "12 pairs".
    static func pairs(_ count: Int) -> Localized {
        Localized(en: "\(count) pair\(count == 1 ? "" : "s")", fi: "\(count) pari\(count == 1 ? "" : "a")")
    }

    /// "1 test" / "12 tests".
    static func tests(_ count: Int) -> Localized {
        Localized(en: "\(count) test\(count == 1 ? "" : "s")", fi: "\(count) testi\(count == 1 ? "" : "ä")")
    }
}
