import ArvioData

/// The Finnish and English headings of the columns the verbs make, in one place so a
/// translation is one edit. The column keeps its English name, which statements type in
/// either language; only text and Markdown show the heading (`Column.heading`).
enum Headings {
    /// Headings by column name. Finnish follows the report's and Finnish statistics
    /// textbooks' usage: "ka." and "kh." for mean and sd, "alussa"/"lopussa" for the start and
    /// end of the training (the report's "lähtö- ja lopputilanne").
    static let byName: [String: Localized] = [
        "n": Localized("n"),
        "percent": Localized(en: "percent", fi: "%"),
        "valid_percent": Localized(en: "valid_percent", fi: "% vastanneista"),
        "cumulative_percent": Localized(en: "cumulative_percent", fi: "kertymä-%"),
        "ci_low": Localized(en: "ci_low", fi: "alaraja"),
        "ci_high": Localized(en: "ci_high", fi: "yläraja"),
        "variable": Localized(en: "variable", fi: "muuttuja"),
        "missing": Localized(en: "missing", fi: "puuttuu"),
        "mean": Localized(en: "mean", fi: "ka."),
        "sd": Localized(en: "sd", fi: "kh."),
        "min": Localized("min"),
        "q1": Localized("q1"),
        "median": Localized(en: "median", fi: "mediaani"),
        "q3": Localized("q3"),
        "max": Localized("max"),
        "median_category": Localized(en: "median_category", fi: "mediaaniluokka"),
        "top2_pct": Localized(en: "top2_pct", fi: "2 ylintä %"),
        "pre": Localized(en: "pre", fi: "alussa"),
        "post": Localized(en: "post", fi: "lopussa"),
        "change": Localized(en: "change", fi: "muutos"),
        "improved": Localized(en: "improved", fi: "parani"),
        "same": Localized(en: "same", fi: "ennallaan"),
        "worse": Localized(en: "worse", fi: "heikkeni"),
        "pre_only": Localized(en: "pre_only", fi: "vain alku"),
        "post_only": Localized(en: "post_only", fi: "vain loppu"),
        "left": Localized(en: "left", fi: "pois"),
        "completers": Localized(en: "completers", fi: "jatkoi"),
        "difference": Localized(en: "difference", fi: "ero"),
        "p": Localized("p"),
        "p_adj": Localized(en: "p_adj", fi: "p korj"),
        "test": Localized(en: "test", fi: "testi"),
        "n_left": Localized(en: "n_left", fi: "n pois"),
        "n_completers": Localized(en: "n_completers", fi: "n jatkoi"),
        "column": Localized(en: "column", fi: "sarake"),
        "type": Localized(en: "type", fi: "tyyppi"),
        "value": Localized(en: "value", fi: "arvo"),
        "measure": Localized(en: "measure", fi: "tunnusluku"),
        "p_method": Localized(en: "p_method", fi: "p:n menetelmä"),
        "cell": Localized(en: "cell", fi: "solu"),
        "total": Localized(en: "total", fi: "yhteensä"),
        "item": Localized(en: "item", fi: "osio"),
        "reversed": Localized(en: "reversed", fi: "käännetty"),
        "item_rest": Localized(en: "item_rest", fi: "osio–muut r"),
        "alpha_if_dropped": Localized(en: "alpha_if_dropped", fi: "α ilman osiota"),
        "answered": Localized(en: "answered", fi: "vastattu"),
    ]

    /// `column` with the heading of its name, when a verb's column of that name has one.
    static func headed(_ column: Column) -> Column {
        var column = column
        column.heading = byName[column.name]
        return column
    }

    /// A text column whose values read in both languages: a category per distinct text, the
    /// English text its value and the pair its label, so the renderer picks the language
    /// when it shows the table and CSV and JSON carry the text of the output's language.
    static func textColumn(_ name: String, _ values: [Localized?]) -> Column {
        var levels: [Level] = []
        var index: [Localized: UInt32] = [:]
        let codes = values.map { value -> UInt32 in
            guard let value else { return 0 }
            if let code = index[value] { return code }
            levels.append(Level(value: value.en, label: value))
            index[value] = UInt32(levels.count)
            return UInt32(levels.count)
        }
        return headed(Column(name: name, data: .categorical(
            CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: false)))
    }
}
