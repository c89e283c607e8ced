import ArvioData

/// The renderer's own words (row counts, headings of statistics, legends) in both languages,
/// kept in one place so a translation is one edit.
enum Phrases {
    static func moreRows(_ count: Int, _ options: RenderOptions) -> String {
        let dots = options.charset == .unicode ? "…" : "..."
        let words = options.language == .fi ? "\(count) riviä lisää" : "\(count) more rows"
        return "\(dots) \(words) \(dots)"
    }

    static func columnsLeftOut(_ names: [String], _ language: Language) -> String {
        (language == .fi ? "Sarakkeet, jotka eivät mahtuneet leveyteen: " : "Columns left out to fit the width: ")
            + names.joined(separator: ", ")
    }

    static let statistic = Localized(en: "statistic", fi: "tunnusluku")
    static let value = Localized(en: "value", fi: "arvo")
    static let df = Localized("df")
    static let p = Localized("p")
    static let adjustedP = Localized(en: "p adj", fi: "p korj")
    static let method = Localized(en: "method", fi: "menetelmä")
    static let note = Localized(en: "Note:", fi: "Huom.:")
    static let noData = Localized(en: "(no data to draw)", fi: "(ei piirrettävää)")
    static let low = Localized(en: "low", fi: "matala")
    static let neutral = Localized(en: "mid", fi: "keski")
    static let high = Localized(en: "high", fi: "korkea")
    static let noChange = Localized(en: "no change", fi: "ei muutosta")
    static let ofRow = Localized(en: "of the row", fi: "rivistä")
    static let total = Localized(en: "total", fi: "yhteensä")
}

extension Localized {
    /// The text in the output's language, its decimals written as that language writes them
    /// (a comma in Finnish): for notes, titles and methods, whose numbers were formatted when
    /// the result was made. Only a point between two digits changes.
    func prose(_ language: Language) -> String {
        NumberFormat.localized(text(language), language)
    }
}
